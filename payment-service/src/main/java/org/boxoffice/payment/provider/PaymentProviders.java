package org.boxoffice.payment.provider;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.boxoffice.payment.system.PaymentProblems;
import org.boxoffice.platform.problem.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The configured providers by name, and the one new payments use ({@code boxoffice.payment.provider}). */
@Component
public class PaymentProviders {

    private final Map<String, PaymentProvider> byName;
    private final String defaultProvider;

    PaymentProviders(List<PaymentProvider> providers, @Value("${boxoffice.payment.provider:sandbox}") String name) {
        this.byName = providers.stream().collect(Collectors.toMap(PaymentProvider::name, Function.identity()));
        if (!byName.containsKey(name)) {
            throw new IllegalStateException("boxoffice.payment.provider=" + name + " but only " + byName.keySet()
                    + " are configured");
        }
        this.defaultProvider = name;
    }

    public PaymentProvider forNewPayments() {
        return byName.get(defaultProvider);
    }

    public List<PaymentProvider> all() {
        return List.copyOf(byName.values());
    }

    public PaymentProvider named(String name) {
        PaymentProvider provider = byName.get(name);
        if (provider == null) {
            throw new UnknownProvider(name);
        }
        return provider;
    }

    static class UnknownProvider extends ProblemException {
        UnknownProvider(String name) {
            super(PaymentProblems.UNKNOWN_PROVIDER, "No payment provider named '" + name + "'.");
        }
    }
}
