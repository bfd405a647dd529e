package org.boxoffice.notification.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the demo mailbox's SMTP server listens ({@code boxoffice.demo.mailbox.*}); spring.mail points at it. */
@ConfigurationProperties("boxoffice.demo.mailbox")
record MailboxProperties(@DefaultValue("127.0.0.1") String host, @DefaultValue("3025") int port) {
}
