{{/* What booking-service reads beyond the shared settings (see boxoffice-lib.settings). */}}
{{- define "booking-service.settings" -}}
{{- toJson (dict "env" (dict
      "BOXOFFICE_BOOKING_LOCKWAIT" (toString .Values.locks.wait)
      "BOXOFFICE_BOOKING_LOCKLEASE" (toString .Values.locks.lease))) -}}
{{- end }}
