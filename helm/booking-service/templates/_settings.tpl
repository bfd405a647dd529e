{{/* What booking-service reads beyond the shared settings (see boxoffice-lib.settings). */}}
{{- define "booking-service.settings" -}}
{{- $env := dict
      "BOXOFFICE_BOOKING_LOCKWAIT" (toString .Values.locks.wait)
      "BOXOFFICE_BOOKING_LOCKLEASE" (toString .Values.locks.lease)
      "BOXOFFICE_STORAGE_TYPE" .Values.storage.type
      "SPRING_APPLICATION_JSON" (include "boxoffice-lib.resilience4jJson" .Values.circuitBreakers) -}}
{{- if eq .Values.storage.type "s3" }}
{{- $_ := set $env "BOXOFFICE_STORAGE_S3_REGION" .Values.storage.s3.region -}}
{{- $_ := set $env "BOXOFFICE_STORAGE_S3_BUCKET" .Values.storage.s3.bucket -}}
{{- $_ := set $env "BOXOFFICE_STORAGE_S3_PATHSTYLE" (toString .Values.storage.s3.pathStyle) -}}
{{- with .Values.storage.s3.endpoint }}
{{- $_ := set $env "BOXOFFICE_STORAGE_S3_ENDPOINT" . -}}
{{- end }}
{{- end }}
{{- $apiRules := list -}}
{{- $ps := .Values.preScaling -}}
{{- if $ps.enabled }}
{{- if not .Values.autoscaling.enabled }}{{ fail "booking-service.preScaling needs autoscaling.enabled: it raises the HPAs' minimums" }}{{ end }}
{{- /* The targets: the active slot's HPA with booking's own bounds, then the other services named in values. */}}
{{- $name := include "boxoffice-lib.name" . -}}
{{- $min := .Values.autoscaling.minReplicas -}}
{{- $self := $name -}}
{{- if .Values.blueGreen.enabled }}{{ $self = printf "%s-%s" $name .Values.blueGreen.activeSlot }}{{ end -}}
{{- /* Connections one replica holds, for the plan's connection budgets (docs/operations.md, "Connection budget"). */}}
{{- $db := ternary (int .Values.dbPoolSize) 0 .Values.database -}}
{{- $redis := int .Values.redisConnections -}}
{{- $targets := list (dict "autoscaler" $self "baseMinReplicas" $min "maxReplicas" .Values.autoscaling.maxReplicas "buyersPerReplica" $ps.buyersPerReplica "databaseConnections" $db "redisConnections" $redis) -}}
{{- if .Values.blueGreen.enabled }}
{{- /* The idle slot is kept at its minimum (its maximum here): after a cut-over in an on-sale's window the slot
that was active is given back, not left raised. */}}
{{- $idle := printf "%s-%s" $name (ternary "green" "blue" (eq .Values.blueGreen.activeSlot "blue")) -}}
{{- $targets = append $targets (dict "autoscaler" $idle "baseMinReplicas" $min "maxReplicas" $min "buyersPerReplica" $ps.buyersPerReplica "databaseConnections" $db "redisConnections" $redis) -}}
{{- end }}
{{- range $ps.otherTargets }}
{{- $targets = append $targets (dict "autoscaler" (include "boxoffice-lib.host" (dict "root" $ "service" .service)) "baseMinReplicas" .minReplicas "maxReplicas" .maxReplicas "buyersPerReplica" .buyersPerReplica "databaseConnections" (.dbPoolSize | default 0) "redisConnections" (.redisConnections | default 0)) -}}
{{- end }}
{{- $_ := set $env "BOXOFFICE_PRESCALING_ENABLED" "true" -}}
{{- $_ := set $env "BOXOFFICE_PRESCALING_DRYRUN" (toString $ps.dryRun) -}}
{{- $_ := set $env "BOXOFFICE_PRESCALING_INTERVAL" (toString $ps.interval) -}}
{{- $_ := set $env "BOXOFFICE_PRESCALING_LEAD" (toString $ps.lead) -}}
{{- $_ := set $env "BOXOFFICE_PRESCALING_HOLD" (toString $ps.hold) -}}
{{- $_ := set $env "BOXOFFICE_BOOKING_PRESCALING_BUYERSPERTICKET" (toString (int $ps.buyersPerTicket)) -}}
{{- $_ := set $env "BOXOFFICE_PRESCALING_BUDGET_DATABASE_MAXCONNECTIONS" (toString (int (.Values.global.postgres.maxConnections | default 0))) -}}
{{- $_ := set $env "BOXOFFICE_PRESCALING_BUDGET_DATABASE_RESERVED" (toString (int ($ps.reservedConnections.database | default 0))) -}}
{{- $_ := set $env "BOXOFFICE_PRESCALING_BUDGET_REDIS_MAXCONNECTIONS" (toString (int (.Values.global.redis.maxConnections | default 0))) -}}
{{- $_ := set $env "BOXOFFICE_PRESCALING_BUDGET_REDIS_RESERVED" (toString (int ($ps.reservedConnections.redis | default 0))) -}}
{{- $names := list -}}
{{- range $i, $t := $targets }}
{{- $_ := set $env (printf "BOXOFFICE_PRESCALING_TARGETS_%d_AUTOSCALER" $i) $t.autoscaler -}}
{{- $_ := set $env (printf "BOXOFFICE_PRESCALING_TARGETS_%d_BASEMINREPLICAS" $i) (toString (int $t.baseMinReplicas)) -}}
{{- $_ := set $env (printf "BOXOFFICE_PRESCALING_TARGETS_%d_MAXREPLICAS" $i) (toString (int $t.maxReplicas)) -}}
{{- $_ := set $env (printf "BOXOFFICE_PRESCALING_TARGETS_%d_BUYERSPERREPLICA" $i) (toString (int $t.buyersPerReplica)) -}}
{{- $_ := set $env (printf "BOXOFFICE_PRESCALING_TARGETS_%d_DATABASECONNECTIONS" $i) (toString (int $t.databaseConnections)) -}}
{{- $_ := set $env (printf "BOXOFFICE_PRESCALING_TARGETS_%d_REDISCONNECTIONS" $i) (toString (int $t.redisConnections)) -}}
{{- $names = append $names $t.autoscaler -}}
{{- end }}
{{- if not $ps.dryRun }}
{{- /* Least privilege: read and patch these autoscalers, nothing else (a dry run needs no API at all). */}}
{{- $apiRules = list (dict "apiGroups" (list "autoscaling") "resources" (list "horizontalpodautoscalers") "resourceNames" $names "verbs" (list "get" "patch")) -}}
{{- end }}
{{- end }}
{{- toJson (dict "env" $env "apiRules" $apiRules) -}}
{{- end }}
