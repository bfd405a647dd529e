package org.boxoffice.notification.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** Where the demo mailbox's SMTP server listens ({@code boxoffice.demo.mailbox.*}); spring.mail points at it. */
@Validated
@ConfigurationProperties("boxoffice.demo.mailbox")
record MailboxProperties(@DefaultValue("127.0.0.1") @NotBlank String host,
        @DefaultValue("3025") @Min(0) @Max(65535) int port) {
}
