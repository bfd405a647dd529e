package org.boxoffice.user.account;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link EmailAddress} as its normalised text. */
@Converter(autoApply = true)
class EmailAddressConverter implements AttributeConverter<EmailAddress, String> {

    @Override
    public String convertToDatabaseColumn(EmailAddress address) {
        return address.value();
    }

    @Override
    public EmailAddress convertToEntityAttribute(String value) {
        return new EmailAddress(value);
    }
}
