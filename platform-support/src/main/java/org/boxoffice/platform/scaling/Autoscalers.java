package org.boxoffice.platform.scaling;

/** The HorizontalPodAutoscalers' minimums, read and set (the Kubernetes API in production, a test's own in tests). */
public interface Autoscalers {

    /** The autoscaler's current {@code spec.minReplicas}. */
    int minReplicas(String autoscaler);

    /** Sets its {@code spec.minReplicas}; nothing else of it changes. */
    void setMinReplicas(String autoscaler, int minReplicas);
}
