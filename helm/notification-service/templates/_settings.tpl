{{/*
What notification-service reads beyond the shared settings (see boxoffice-lib.settings): SMTP, the phone channels,
and booking-service, from which the confirmation email fetches the order's invoice PDF.
Credentials go to the Secret; a phone channel is configured only when its endpoint is set (off otherwise).
*/}}
{{- define "notification-service.settings" -}}
{{- $smtp := .Values.smtp -}}
{{- $env := dict
      "BOXOFFICE_SMTP_HOST" $smtp.host
      "BOXOFFICE_SMTP_PORT" (toString $smtp.port)
      "BOXOFFICE_SMTP_AUTH" (toString $smtp.auth)
      "BOXOFFICE_SMTP_STARTTLS" (toString $smtp.starttls)
      "BOXOFFICE_MAIL_FROM" .Values.mailFrom
      "BOXOFFICE_BOOKING_URL" (include "boxoffice-lib.url" (dict "root" . "service" "booking-service"))
      "SPRING_APPLICATION_JSON" (include "boxoffice-lib.resilience4jJson" (omit .Values.circuitBreakers "channels")) -}}
{{- $_ := merge $env (include "boxoffice-lib.circuitBreakerEnv" (dict "prefix" "BOXOFFICE_NOTIFICATION_DELIVERY_BREAKER" "breaker" .Values.circuitBreakers.channels) | fromJson) -}}
{{- $secretEnv := dict "BOXOFFICE_SMTP_USERNAME" $smtp.username "BOXOFFICE_SMTP_PASSWORD" $smtp.password -}}
{{- range $channel := list "sms" "whatsapp" }}
{{- $provider := get $.Values $channel -}}
{{- if $provider.endpoint }}
{{- $prefix := printf "BOXOFFICE_NOTIFICATION_%s_" (upper $channel) -}}
{{- $_ := set $env (print $prefix "ENDPOINT") $provider.endpoint -}}
{{- $_ := set $env (print $prefix "FROM") $provider.from -}}
{{- $_ := set $secretEnv (print $prefix "ACCOUNT_SID") $provider.accountSid -}}
{{- $_ := set $secretEnv (print $prefix "AUTH_TOKEN") $provider.authToken -}}
{{- end }}
{{- end }}
{{- toJson (dict "env" $env "secretEnv" $secretEnv) -}}
{{- end }}
