package org.boxoffice.payment.sandbox;

/** What the sandbox does with a card, chosen by its number like a real provider's test cards. */
enum SandboxScenario {
    /** 4242 4242 4242 4242, and any card not listed here. */
    SUCCEEDS,
    /** 4000 0000 0000 0002. */
    DECLINED,
    /** 4000 0000 0000 0077: succeeds after {@code slow-confirm-delay}. */
    SUCCEEDS_SLOWLY,
    /** 4000 0000 0000 0259: succeeds, and the webhook is delivered twice. */
    DUPLICATE_WEBHOOK,
    /** 4000 0000 0000 0341: succeeds, and {@code succeeded} is delivered before {@code processing}. */
    OUT_OF_ORDER;

    static SandboxScenario of(String cardNumber) {
        return switch (cardNumber) {
            case "4000000000000002" -> DECLINED;
            case "4000000000000077" -> SUCCEEDS_SLOWLY;
            case "4000000000000259" -> DUPLICATE_WEBHOOK;
            case "4000000000000341" -> OUT_OF_ORDER;
            default -> SUCCEEDS;
        };
    }
}
