{{/* What payment-service reads beyond the shared settings (see boxoffice-lib.settings). */}}
{{- define "payment-service.settings" -}}
{{- $booking := .Values.bookingUrl | default (include "boxoffice-lib.url" (dict "root" . "service" "booking-service")) -}}
{{- toJson (dict "env" (dict "BOXOFFICE_BOOKING_URL" $booking
      "SPRING_APPLICATION_JSON" (include "boxoffice-lib.resilience4jJson" .Values.circuitBreakers))) -}}
{{- end }}
