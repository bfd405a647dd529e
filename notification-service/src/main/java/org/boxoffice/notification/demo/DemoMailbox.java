package org.boxoffice.notification.demo;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The local run's mail server: in demo mode notification-service starts a real SMTP server (GreenMail) on
 * {@code boxoffice.demo.mailbox.host}:{@code port} (127.0.0.1:3025) and sends its mail there, so what a buyer would
 * receive can be listed and opened through {@link MailboxController}. Never in production: it keeps every message in
 * memory.
 */
@Component
@ConditionalOnBooleanProperty("boxoffice.demo.enabled")
class DemoMailbox implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoMailbox.class);

    private final GreenMail server;

    DemoMailbox(MailboxProperties properties) {
        server = new GreenMail(new ServerSetup(properties.port(), properties.host(), ServerSetup.PROTOCOL_SMTP));
        server.start();
        log.info("Demo mailbox: SMTP on {}:{}; read it at GET /api/v1/admin/notifications/mailbox", properties.host(),
                properties.port());
    }

    List<MimeMessage> messages() {
        return List.of(server.getReceivedMessages());
    }

    @Override
    public void destroy() {
        server.stop();
    }
}
