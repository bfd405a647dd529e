package org.boxoffice.notification.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * Email settings of notification-service ({@code boxoffice.notification.mail.*}); the SMTP server itself is Spring
 * Boot's {@code spring.mail.*}.
 *
 * @param from the sender address buyers see
 */
@Validated
@ConfigurationProperties("boxoffice.notification.mail")
public record MailProperties(@DefaultValue("Boxoffice <tickets@boxoffice.local>") @NotBlank String from) {
}
