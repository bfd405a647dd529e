{{/* What user-service reads beyond the shared settings (see boxoffice-lib.settings): nothing of its own. */}}
{{- define "user-service.settings" -}}
{}
{{- end }}
