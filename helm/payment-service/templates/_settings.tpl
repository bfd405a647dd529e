{{/* What payment-service reads beyond the shared settings (see boxoffice-lib.settings). */}}
{{- define "payment-service.settings" -}}
{{- toJson (dict "env" (dict "BOXOFFICE_BOOKING_URL" .Values.bookingUrl)) -}}
{{- end }}
