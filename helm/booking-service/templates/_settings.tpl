{{/* What booking-service reads beyond the shared settings (see boxoffice-lib.settings). */}}
{{- define "booking-service.settings" -}}
{{- $env := dict
      "BOXOFFICE_BOOKING_LOCKWAIT" (toString .Values.locks.wait)
      "BOXOFFICE_BOOKING_LOCKLEASE" (toString .Values.locks.lease)
      "BOXOFFICE_STORAGE_TYPE" .Values.storage.type -}}
{{- if eq .Values.storage.type "s3" }}
{{- $_ := set $env "BOXOFFICE_STORAGE_S3_REGION" .Values.storage.s3.region -}}
{{- $_ := set $env "BOXOFFICE_STORAGE_S3_BUCKET" .Values.storage.s3.bucket -}}
{{- $_ := set $env "BOXOFFICE_STORAGE_S3_PATHSTYLE" (toString .Values.storage.s3.pathStyle) -}}
{{- with .Values.storage.s3.endpoint }}
{{- $_ := set $env "BOXOFFICE_STORAGE_S3_ENDPOINT" . -}}
{{- end }}
{{- end }}
{{- toJson (dict "env" $env) -}}
{{- end }}
