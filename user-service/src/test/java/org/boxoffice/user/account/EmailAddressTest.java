package org.boxoffice.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void isKeptTrimmedAndLowerCasedSoCaseDoesNotMakeASecondAccount() {
        assertThat(new EmailAddress("  Ada@Example.ORG ")).isEqualTo(new EmailAddress("ada@example.org"));
        assertThat(new EmailAddress("  Ada@Example.ORG ").value()).isEqualTo("ada@example.org");
    }

    @Test
    void refusesTextThatIsNoAddress() {
        assertThatThrownBy(() -> new EmailAddress("ada@localhost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailAddress("ada example.org")).isInstanceOf(IllegalArgumentException.class);
        assertThat(EmailAddress.parse("not an address")).isEmpty();
        assertThat(EmailAddress.parse("Ada@Example.org")).contains(new EmailAddress("ada@example.org"));
    }
}
