{{/*
The shared stores' connection budgets (docs/operations.md, "Connection budget"). Every replica holds its pools
(Hikari opens dbPoolSize connections and keeps them; redisConnections is what one replica may open to Redis), so the
release at its largest - every HPA at maxReplicas, both blue-green slots, replicaCount where autoscaling is off - must
fit what global.postgres.maxConnections and global.redis.maxConnections declare (0: not declared, not checked).
With booking-service's pre-scaler on, its own copy of the numbers must agree: the reserve it keeps for the services
it does not scale, and the connections of the other HPAs it raises. Renders nothing; fails the render otherwise.
*/}}
{{- define "boxoffice.connectionBudget" -}}
{{- /* BEGIN generated from services.yaml: services (edit services.yaml, run .ci/regenerate) */ -}}
{{- $services := list "user-service" "booking-service" "payment-service" "notification-service" "analytics-service" "gateway-service" -}}
{{- /* END generated from services.yaml: services */ -}}
{{- $ps := (index .Values "booking-service").preScaling -}}
{{- $raised := list "booking-service" -}}
{{- if $ps.enabled }}{{ range $ps.otherTargets }}{{ $raised = append $raised .service }}{{ end }}{{ end -}}
{{- range $store := list "postgres" "redis" }}
{{- $budget := int ((index $.Values.global $store).maxConnections | default 0) -}}
{{- if gt $budget 0 }}
{{- /* The in-chart stores run with their defaults: Postgres' max_connections 100 less 3 superuser slots, Redis'
maxclients 10,000. A budget above them would be a promise the server does not keep. */}}
{{- $inChart := ternary $.Values.inClusterPostgres.enabled $.Values.inClusterRedis.enabled (eq $store "postgres") -}}
{{- $serves := ternary 97 10000 (eq $store "postgres") -}}
{{- if and $inChart (gt $budget $serves) }}
{{- fail (printf "connection budget: global.%s.maxConnections is %d, but the in-chart %s serves %d (%s): declare at most that, or bring your own server." $store $budget $store $serves (ternary "max_connections 100 less 3 superuser_reserved_connections" "maxclients" (eq $store "postgres"))) }}
{{- end }}
{{- $key := ternary "database" "redis" (eq $store "postgres") -}}
{{- $setting := ternary "dbPoolSize" "redisConnections" (eq $store "postgres") -}}
{{- $total := 0 -}}
{{- $reserve := 0 -}}
{{- $parts := list -}}
{{- $others := list -}}
{{- range $service := $services }}
{{- $v := index $.Values $service -}}
{{- $per := include "boxoffice.connectionsPerReplica" (dict "values" $v "store" $store) | int -}}
{{- $replicas := ternary (int $v.autoscaling.maxReplicas) (int $v.replicaCount) $v.autoscaling.enabled -}}
{{- $slots := ternary 2 1 $v.blueGreen.enabled -}}
{{- $held := mul $slots $replicas $per -}}
{{- $total = add $total $held -}}
{{- if gt $held 0 }}
{{- $parts = append $parts (printf "%s %s%d x %d = %d" $service (ternary "2 slots x " "" (eq $slots 2)) $replicas $per $held) -}}
{{- end }}
{{- if not (has $service $raised) }}
{{- $reserve = add $reserve $held -}}
{{- if gt $held 0 }}{{ $others = append $others $service }}{{ end -}}
{{- end }}
{{- end }}
{{- if gt $total $budget }}
{{- fail (printf "connection budget: global.%s.maxConnections is %d, but the release at its largest holds %d %s connections (maxReplicas x %s: %s). Lower maxReplicas or %s, or raise the budget (docs/operations.md, \"Connection budget\": sizing, and what a pooler such as PgBouncer needs)." $store $budget $total (ternary "PostgreSQL" "Redis" (eq $store "postgres")) $setting (join ", " $parts) $setting) }}
{{- end }}
{{- if $ps.enabled }}
{{- $declared := int (index ($ps.reservedConnections | default dict) $key | default 0) -}}
{{- if lt $declared $reserve }}
{{- fail (printf "connection budget: booking-service.preScaling.reservedConnections.%s is %d, but the services the pre-scaler does not scale (%s) hold up to %d %s connections: set it to at least %d." $key $declared (join ", " $others) $reserve $store $reserve) }}
{{- end }}
{{- range $ps.otherTargets }}
{{- $per := include "boxoffice.connectionsPerReplica" (dict "values" (index $.Values .service) "store" $store) | int -}}
{{- $stated := int ((index . $setting) | default 0) -}}
{{- if ne $stated $per }}
{{- fail (printf "connection budget: booking-service.preScaling.otherTargets entry %s states %s %d, but %s holds %d per replica: make them equal so the pre-scaler counts its %s connections right." .service $setting $stated .service $per $store) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/* Connections one replica of a service holds on a store: dbPoolSize when it has a database, redisConnections. */}}
{{- define "boxoffice.connectionsPerReplica" -}}
{{- if eq .store "postgres" }}{{ ternary (int .values.dbPoolSize) 0 (.values.database | default false) }}{{ else }}{{ int (.values.redisConnections | default 0) }}{{ end }}
{{- end }}
