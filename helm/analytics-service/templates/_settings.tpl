{{/* What analytics-service reads beyond the shared settings (see boxoffice-lib.settings): nothing of its own. */}}
{{- define "analytics-service.settings" -}}
{}
{{- end }}
