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
{{- $room := .Values.waitingRoom -}}
{{- $auto := $room.auto -}}
{{- $_ := merge $env (dict
      "BOXOFFICE_GATEWAY_WAITINGROOM_TICKINTERVAL" (toString $room.tickInterval)
      "BOXOFFICE_GATEWAY_WAITINGROOM_MINPOLL" (toString $room.minPoll)
      "BOXOFFICE_GATEWAY_WAITINGROOM_MAXPOLL" (toString $room.maxPoll)
      "BOXOFFICE_GATEWAY_WAITINGROOM_POLLBUDGET" (toString $room.pollBudget)
      "BOXOFFICE_GATEWAY_WAITINGROOM_MAXPOLLUNDERLOAD" (toString $room.maxPollUnderLoad)
      "BOXOFFICE_GATEWAY_WAITINGROOM_IDLETIMEOUT" (toString $room.idleTimeout)
      "BOXOFFICE_GATEWAY_WAITINGROOM_REDISTIMEOUT" (toString $room.redisTimeout)
      "BOXOFFICE_GATEWAY_WAITINGROOM_AUTO_ADJUSTINTERVAL" (toString $auto.adjustInterval)
      "BOXOFFICE_GATEWAY_WAITINGROOM_AUTO_INCREASEPERMINUTE" (toString $auto.increasePerMinute)
      "BOXOFFICE_GATEWAY_WAITINGROOM_AUTO_DECREASEFACTOR" (toString $auto.decreaseFactor)
      "BOXOFFICE_GATEWAY_WAITINGROOM_AUTO_HOLDLATENCYTARGET" (toString $auto.holdLatencyTarget)
      "BOXOFFICE_GATEWAY_WAITINGROOM_AUTO_MAXSLOWHOLDSHARE" (toString $auto.maxSlowHoldShare)
      "BOXOFFICE_GATEWAY_WAITINGROOM_AUTO_REQUESTLATENCYTARGET" (toString $auto.requestLatencyTarget)
      "BOXOFFICE_GATEWAY_WAITINGROOM_AUTO_MAXSLOWREQUESTSHARE" (toString $auto.maxSlowRequestShare)
      "BOXOFFICE_GATEWAY_WAITINGROOM_AUTO_MAXERRORSHARE" (toString $auto.maxErrorShare)
      "BOXOFFICE_GATEWAY_WAITINGROOM_AUTO_MAXINFLIGHT" (toString $auto.maxInFlight)) -}}
{{- /* Each upstream's Service in this release (BOXOFFICE_USER_URL ...). */ -}}
{{- /* BEGIN generated from services.yaml: upstreams (edit services.yaml, run .ci/regenerate) */ -}}
{{- $upstreams := dict "BOXOFFICE_USER_URL" "user-service" "BOXOFFICE_BOOKING_URL" "booking-service" "BOXOFFICE_PAYMENT_URL" "payment-service" "BOXOFFICE_NOTIFICATION_URL" "notification-service" "BOXOFFICE_ANALYTICS_URL" "analytics-service" -}}
{{- /* END generated from services.yaml: upstreams */ -}}
{{- range $variable, $service := $upstreams }}
{{- $_ := set $env $variable (include "boxoffice-lib.url" (dict "root" $ "service" $service)) -}}
{{- end }}
{{- $up := .Values.upstream -}}
{{- $routes := dict -}}
{{- range $service, $timeout := $up.routeTimeouts }}{{ $_ := set $routes $service (dict "timeout" (toString $timeout)) }}{{ end -}}
{{- $_ := merge $env (dict
      "SPRING_CLOUD_GATEWAY_SERVER_WEBFLUX_HTTPCLIENT_CONNECTTIMEOUT" (toString (int $up.connectTimeoutMillis))
      "SPRING_CLOUD_GATEWAY_SERVER_WEBFLUX_HTTPCLIENT_RESPONSETIMEOUT" (toString $up.responseTimeout)
      "SPRING_CLOUD_GATEWAY_SERVER_WEBFLUX_HTTPCLIENT_POOL_MAXCONNECTIONS" (toString (int $up.pool.maxConnections))
      "SPRING_CLOUD_GATEWAY_SERVER_WEBFLUX_HTTPCLIENT_POOL_ACQUIRETIMEOUT" (toString (int $up.pool.acquireTimeoutMillis))) -}}
{{- $_ := merge $env (include "boxoffice-lib.circuitBreakerEnv" (dict "prefix" "BOXOFFICE_GATEWAY_BREAKER" "breaker" .Values.circuitBreakers.services) | fromJson) -}}
{{- /* Route names contain dashes, which an environment variable cannot spell as a map key: JSON can. */ -}}
{{- $_ := set $env "SPRING_APPLICATION_JSON" (toJson (dict "boxoffice" (dict "gateway" (dict "services" $routes)))) -}}
{{- toJson (dict "env" $env) -}}
{{- end }}
