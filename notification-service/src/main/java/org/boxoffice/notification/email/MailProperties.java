package org.boxoffice.notification.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email settings of notification-service ({@code boxoffice.notification.mail.*}); the SMTP server itself is Spring
 * Boot's {@code spring.mail.*}.
 *
 * @param from the sender address buyers see
 */
@ConfigurationProperties("boxoffice.notification.mail")
public record MailProperties(@DefaultValue("Boxoffice <tickets@boxoffice.local>") String from) {
}
