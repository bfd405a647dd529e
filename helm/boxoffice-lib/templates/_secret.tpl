{{/* Holds this service's secretEnv and the datastore passwords not taken from an existing Secret. */}}
{{- define "boxoffice-lib.secret" -}}
{{- $g := .Values.global -}}
{{- $settings := include "boxoffice-lib.settings" . | fromJson -}}
{{- $data := dict -}}
{{- if not $g.redis.existingSecret }}{{ $_ := set $data "BOXOFFICE_REDIS_PASSWORD" $g.redis.password }}{{ end -}}
{{- if and .Values.database (not $g.postgres.existingSecret) }}{{ $_ := set $data "BOXOFFICE_DB_PASSWORD" $g.postgres.password }}{{ end -}}
{{- if not .Values.existingSecret }}{{ $data = merge $data $settings.secretEnv }}{{ end -}}
{{- if $data }}
apiVersion: v1
kind: Secret
metadata:
  {{- include "boxoffice-lib.metadata" . | nindent 2 }}
type: Opaque
stringData:
  {{- range $key, $value := $data }}
  {{ $key }}: {{ $value | toString | quote }}
  {{- end }}
{{- end }}
{{- end }}
