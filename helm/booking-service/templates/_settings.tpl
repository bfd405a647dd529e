{{/* What booking-service reads beyond the shared settings (see boxoffice-lib.settings): nothing of its own. */}}
{{- define "booking-service.settings" -}}
{}
{{- end }}
