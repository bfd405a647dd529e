{{/* What gateway-service reads beyond the shared settings (see boxoffice-lib.settings). */}}
{{- define "gateway-service.settings" -}}
{{- $limit := .Values.rateLimit -}}
{{- $env := dict
      "BOXOFFICE_CORS_ORIGINS" (join "," .Values.corsOrigins)
      "BOXOFFICE_GATEWAY_EDGE_TRUSTEDPROXIES" (join "," .Values.trustedProxies)
      "BOXOFFICE_GATEWAY_EDGE_RATELIMIT_ENABLED" (toString $limit.enabled)
      "BOXOFFICE_GATEWAY_EDGE_RATELIMIT_WINDOW" (toString $limit.window)
      "BOXOFFICE_GATEWAY_EDGE_RATELIMIT_AUTHENTICATEDPERWINDOW" (toString $limit.authenticatedPerWindow)
      "BOXOFFICE_GATEWAY_EDGE_RATELIMIT_ANONYMOUSPERWINDOW" (toString $limit.anonymousPerWindow)
      "BOXOFFICE_GATEWAY_EDGE_RATELIMIT_CREDENTIALSPERWINDOW" (toString $limit.credentialsPerWindow) -}}
{{- toJson (dict "env" $env) -}}
{{- end }}
