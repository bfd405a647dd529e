package org.boxoffice.notification.phone;

import org.boxoffice.notification.delivery.Channel;
import org.boxoffice.notification.delivery.ChannelSender;
import org.boxoffice.notification.message.RenderedMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

/** SMS and WhatsApp senders, each only when its provider endpoint is configured. */
@Configuration(proxyBeanMethods = false)
class PhoneChannels {

    @Bean
    @ConditionalOnProperty("boxoffice.notification.sms.endpoint")
    ChannelSender smsSender(PhoneProperties properties, JsonMapper json, RestClient.Builder http,
            ClientHttpRequestFactoryBuilder<?> requests) {
        PhoneProperties.Provider sms = properties.sms();
        return sender(Channel.SMS, new HttpPhoneProvider(sms, java.util.Objects.requireNonNull(sms.endpoint()), json,
                http, requests));
    }

    @Bean
    @ConditionalOnProperty("boxoffice.notification.whatsapp.endpoint")
    ChannelSender whatsappSender(PhoneProperties properties, JsonMapper json, RestClient.Builder http,
            ClientHttpRequestFactoryBuilder<?> requests) {
        PhoneProperties.Provider whatsapp = properties.whatsapp();
        return sender(Channel.WHATSAPP, new HttpPhoneProvider(whatsapp,
                java.util.Objects.requireNonNull(whatsapp.endpoint()), json, http, requests));
    }

    private static ChannelSender sender(Channel channel, PhoneProvider provider) {
        return new ChannelSender() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public String send(String recipient, RenderedMessage message) {
                return provider.send(recipient, message.shortText());
            }
        };
    }
}
