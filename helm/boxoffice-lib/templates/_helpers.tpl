{{/*
Name of the service's objects, which is also its in-cluster hostname: the app name (the chart's name or
nameOverride), prefixed with the release name when global.releasePrefix is on.
*/}}
{{- define "boxoffice-lib.name" -}}
{{- include "boxoffice-lib.host" (dict "root" . "service" (include "boxoffice-lib.appName" .)) -}}
{{- end }}

{{/* The app.kubernetes.io/name label: the same in every release, so NetworkPolicies can name callers by it. */}}
{{- define "boxoffice-lib.appName" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{/* Hostname (Service name) of a Boxoffice service in this release (context: dict "root" . "service" name). */}}
{{- define "boxoffice-lib.host" -}}
{{- if .root.Values.global.releasePrefix -}}
{{- printf "%s-%s" .root.Release.Name .service | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- .service -}}
{{- end -}}
{{- end }}

{{/* Base URL of a Boxoffice service in this release; the ports are the services' charts' own. */}}
{{- define "boxoffice-lib.url" -}}
{{- /* BEGIN generated from services.yaml: ports (edit services.yaml, run .ci/regenerate) */ -}}
{{- $ports := dict "user-service" 8081 "booking-service" 8082 "payment-service" 8083 "notification-service" 8084 "analytics-service" 8085 "gateway-service" 8080 -}}
{{- /* END generated from services.yaml: ports */ -}}
{{- printf "http://%s:%v" (include "boxoffice-lib.host" .) (get $ports .service) -}}
{{- end }}

{{/*
A Secret the platform names `boxoffice-<what>` (the bootstrap Secrets) is `<release>-<what>` when
global.releasePrefix is on, so two releases in one namespace keep their own keys. Other names are kept.
*/}}
{{- define "boxoffice-lib.secretName" -}}
{{- if and .root.Values.global.releasePrefix (hasPrefix "boxoffice-" .name) -}}
{{- printf "%s-%s" .root.Release.Name (trimPrefix "boxoffice-" .name) | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- .name -}}
{{- end -}}
{{- end }}

{{- define "boxoffice-lib.selectorLabels" -}}
app.kubernetes.io/name: {{ include "boxoffice-lib.appName" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "boxoffice-lib.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "boxoffice-lib.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: boxoffice
{{- end }}

{{- define "boxoffice-lib.metadata" -}}
name: {{ include "boxoffice-lib.name" . }}
labels:
  {{- include "boxoffice-lib.labels" . | nindent 2 }}
{{- end }}

{{/* Slots a Deployment is rendered for: one unnamed slot, or blue and green. */}}
{{- define "boxoffice-lib.slots" -}}
{{- if .Values.blueGreen.enabled -}}
{{- toJson (list "blue" "green") -}}
{{- else -}}
{{- toJson (list "") -}}
{{- end -}}
{{- end }}

{{/* Selector of the pods the Service routes to: only the active slot under blue-green. */}}
{{- define "boxoffice-lib.serviceSelector" -}}
{{ include "boxoffice-lib.selectorLabels" . }}
{{- if .Values.blueGreen.enabled }}
boxoffice.io/slot: {{ .Values.blueGreen.activeSlot }}
{{- end }}
{{- end }}

{{/* Pod selector of one slot (context: dict "root" . "slot" name). */}}
{{- define "boxoffice-lib.slotSelectorLabels" -}}
{{ include "boxoffice-lib.selectorLabels" .root }}
{{- with .slot }}
boxoffice.io/slot: {{ . }}
{{- end }}
{{- end }}

{{- define "boxoffice-lib.slotName" -}}
{{- $name := include "boxoffice-lib.name" .root -}}
{{- if .slot }}{{ printf "%s-%s" $name .slot }}{{ else }}{{ $name }}{{ end -}}
{{- end }}

{{/*
Image reference of one slot: the service's registry, else global.image.registry; the slot's tag, else the
service's, else global.image.tag, else appVersion; a digest (the service's, else global.image.digests.<chart>)
wins over every tag.
*/}}
{{- define "boxoffice-lib.image" -}}
{{- $image := .root.Values.image -}}
{{- $global := .root.Values.global.image -}}
{{- $registry := default $global.registry $image.registry -}}
{{- $repository := default (printf "boxoffice/%s" .root.Chart.Name) $image.repository -}}
{{- $slotTag := "" -}}
{{- if .slot }}{{ $slotTag = (get .root.Values.blueGreen.slots .slot).tag }}{{ end -}}
{{- $tag := $slotTag | default $image.tag | default $global.tag | default .root.Chart.AppVersion -}}
{{- $digest := default (get (default dict $global.digests) .root.Chart.Name) $image.digest -}}
{{- if $digest -}}
{{ printf "%s/%s@%s" $registry $repository $digest }}
{{- else -}}
{{ printf "%s/%s:%s" $registry $repository $tag }}
{{- end -}}
{{- end }}

{{/*
A securityContext from values (context: dict "root" . "context" the values' map). On OpenShift
(global.compatibility.openshift.adaptSecurityContext: force, or auto on a cluster serving
security.openshift.io/v1) the fixed user, group and fsGroup are dropped: the namespace's range assigns them.
*/}}
{{- define "boxoffice-lib.securityContext" -}}
{{- $context := deepCopy .context -}}
{{- $mode := .root.Values.global.compatibility.openshift.adaptSecurityContext -}}
{{- if or (eq $mode "force") (and (eq $mode "auto") (.root.Capabilities.APIVersions.Has "security.openshift.io/v1")) -}}
{{- $context = omit $context "runAsUser" "runAsGroup" "fsGroup" -}}
{{- end -}}
{{- toYaml $context -}}
{{- end }}

{{/*
Processors the JVM is told it has (-XX:ActiveProcessorCount): jvm.activeProcessorCount, or the CPU limit,
else the CPU request, rounded up, at least 2 (below 2 the JVM picks the Serial GC and one carrier thread).
*/}}
{{- define "boxoffice-lib.activeProcessorCount" -}}
{{- $jvm := .Values.jvm -}}
{{- if $jvm.activeProcessorCount -}}
{{- $jvm.activeProcessorCount -}}
{{- else -}}
{{- $resources := .Values.resources | default dict -}}
{{- $cpu := (get (default dict $resources.limits) "cpu") | default (get (default dict $resources.requests) "cpu") | default "2" | toString -}}
{{- $cores := 0.0 -}}
{{- if hasSuffix "m" $cpu -}}
{{- $cores = divf (trimSuffix "m" $cpu | float64) 1000 -}}
{{- else -}}
{{- $cores = float64 $cpu -}}
{{- end -}}
{{- max 2 (int (ceil $cores)) -}}
{{- end -}}
{{- end }}

{{/*
API requests in progress per replica: http.maxConcurrentRequests, or http.maxConcurrentRequestsPerProcessor times the
processors the JVM is told it has, so that a larger pod admits more (0: no limit).
*/}}
{{- define "boxoffice-lib.maxConcurrentRequests" -}}
{{- $http := .Values.http -}}
{{- int ($http.maxConcurrentRequests | default (mul (int $http.maxConcurrentRequestsPerProcessor) (int (include "boxoffice-lib.activeProcessorCount" .)))) -}}
{{- end }}

{{- define "boxoffice-lib.javaToolOptions" -}}
{{- $jvm := .Values.jvm -}}
{{- $flags := list (printf "-XX:MaxRAMPercentage=%v" $jvm.maxRAMPercentage) (printf "-XX:ActiveProcessorCount=%s" (include "boxoffice-lib.activeProcessorCount" .)) -}}
{{- with $jvm.gc }}{{ $flags = append $flags (printf "-XX:+Use%sGC" .) }}{{ end -}}
{{- with .Values.javaToolOptions }}{{ $flags = append $flags . }}{{ end -}}
{{- join " " $flags -}}
{{- end }}

{{/*
Seconds Spring's graceful shutdown phase may take: what the grace period leaves after the preStop sleep and the
reserve. Refused below 5 s, where in-flight requests would be cut off.
*/}}
{{- define "boxoffice-lib.shutdownPhaseSeconds" -}}
{{- $v := .Values -}}
{{- $phase := sub (sub (int $v.terminationGracePeriodSeconds) (int $v.preStopSleepSeconds)) (int $v.shutdownReserveSeconds) -}}
{{- if lt (int $phase) 5 -}}
{{- fail (printf "terminationGracePeriodSeconds %v leaves %v s for Spring's shutdown phase after preStopSleepSeconds %v and shutdownReserveSeconds %v: at least 5 are needed" $v.terminationGracePeriodSeconds $phase $v.preStopSleepSeconds $v.shutdownReserveSeconds) -}}
{{- end -}}
{{- $phase -}}
{{- end }}

{{- define "boxoffice-lib.monitoringEnabled" -}}
{{- $flag := .flag -}}
{{- if or (eq (toString $flag) "true") (and (eq (toString $flag) "auto") (.root.Capabilities.APIVersions.Has "monitoring.coreos.com/v1")) -}}
true
{{- end -}}
{{- end }}

{{/* Password env var from an existing Secret, or from this service's own Secret. */}}
{{- define "boxoffice-lib.passwordEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      {{- if .store.existingSecret }}
      name: {{ .store.existingSecret }}
      key: {{ .store.passwordKey }}
      {{- else }}
      name: {{ include "boxoffice-lib.name" .root }}
      key: {{ .env }}
      {{- end }}
{{- end }}

{{/*
What a service reads beyond the shared settings, as JSON {"env": {...}, "secretEnv": {...}, "apiRules": [...]}:
each service chart defines "<chart name>.settings" from its own values (templates/_settings.tpl).
.Values.env and .Values.secretEnv win over these. apiRules (Role rules) give the service's pods the Kubernetes API:
a Role and RoleBinding for its ServiceAccount, the account's token mounted, egress to the API server; none by default.
*/}}
{{- define "boxoffice-lib.settings" -}}
{{- $own := include (printf "%s.settings" .Chart.Name) . | fromJson -}}
{{- $shared := include "boxoffice-lib.sharedSettings" . | fromJson -}}
{{- $env := merge (deepCopy .Values.env) (default dict $own.env) $shared -}}
{{- $secretEnv := merge (deepCopy .Values.secretEnv) (default dict $own.secretEnv) -}}
{{- toJson (dict "env" $env "secretEnv" $secretEnv "apiRules" (default list $own.apiRules)) -}}
{{- end }}

{{/*
Named container port of the probes and of the metrics scrape: `management` when the service runs a
separate management server (managementPort), otherwise `http`.
*/}}
{{- define "boxoffice-lib.managementPortName" -}}
{{- if .Values.managementPort -}}
{{- if eq (int .Values.managementPort) (int .Values.port) -}}
{{- fail (printf "managementPort %v must differ from port %v (0 serves management on port)" .Values.managementPort .Values.port) -}}
{{- end -}}
management
{{- else -}}
http
{{- end -}}
{{- end }}

{{/* The typed settings every service chart shares, as a JSON map of environment variables. */}}
{{- define "boxoffice-lib.sharedSettings" -}}
{{- $v := .Values -}}
{{- $env := dict "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE" (printf "%ss" (include "boxoffice-lib.shutdownPhaseSeconds" .)) -}}
{{- if $v.database }}
{{- $_ := set $env "SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT" (toString (int $v.dbConnectionTimeoutMillis)) -}}
{{- end }}
{{- if $v.servlet }}
{{- $_ := set $env "BOXOFFICE_HTTP_MAXCONCURRENTREQUESTS" (include "boxoffice-lib.maxConcurrentRequests" .) -}}
{{- $_ := set $env "BOXOFFICE_HTTP_MAXQUEUEWAIT" (toString $v.http.maxQueueWait) -}}
{{- $_ := set $env "BOXOFFICE_HTTP_BUSYRETRYAFTER" (toString $v.http.busyRetryAfter) -}}
{{- end }}
{{- toJson $env -}}
{{- end }}

{{/*
A circuit breaker's values (circuitBreakers.<name>: failureRateThreshold, slidingWindowSize, ...) as environment
variables of a service's own typed settings: dict "prefix" "BOXOFFICE_GATEWAY_BREAKER" "breaker" $values gives
BOXOFFICE_GATEWAY_BREAKER_FAILURERATETHRESHOLD and so on, a JSON map.
*/}}
{{- define "boxoffice-lib.circuitBreakerEnv" -}}
{{- $env := dict -}}
{{- range $key, $value := .breaker }}{{ $_ := set $env (printf "%s_%s" $.prefix (upper $key)) (toString $value) }}{{ end -}}
{{- toJson $env -}}
{{- end }}

{{/*
Resilience4j's own breakers (resilience4j.circuitbreaker.instances.<name>) from a map of circuitBreakers values, as
the JSON of SPRING_APPLICATION_JSON: their names hold dashes (booking-service), which an environment variable cannot
spell as a map key. What the values leave out keeps the service's application.yml setting.
*/}}
{{- define "boxoffice-lib.resilience4jJson" -}}
{{- $instances := dict -}}
{{- range $name, $breaker := . }}
{{- $settings := dict -}}
{{- range $key, $value := $breaker }}{{ $_ := set $settings (kebabcase $key) $value }}{{ end -}}
{{- $_ := set $instances $name $settings -}}
{{- end }}
{{- toJson (dict "resilience4j" (dict "circuitbreaker" (dict "instances" $instances))) -}}
{{- end }}

{{/* global.events.trustedKeys, or every producer's /.well-known/event-keys in this release. */}}
{{- define "boxoffice-lib.trustedKeys" -}}
{{- if .Values.global.events.trustedKeys -}}
{{- .Values.global.events.trustedKeys -}}
{{- else -}}
{{- $keys := list -}}
{{- /* BEGIN generated from services.yaml: producers (edit services.yaml, run .ci/regenerate) */ -}}
{{- $producers := list "user-service" "booking-service" "payment-service" "notification-service" "analytics-service" -}}
{{- /* END generated from services.yaml: producers */ -}}
{{- range $producer := $producers -}}
{{- $keys = append $keys (printf "%s=%s/.well-known/event-keys" $producer (include "boxoffice-lib.url" (dict "root" $ "service" $producer))) -}}
{{- end -}}
{{- join "," $keys -}}
{{- end -}}
{{- end }}

{{/* The service mesh the pods join (global.mesh.provider): none, linkerd or istio. */}}
{{- define "boxoffice-lib.meshProvider" -}}
{{- $g := .Values.global -}}
{{- (($g.mesh).provider) | default "none" -}}
{{- end }}

{{/* Namespace of the mesh's control plane, which the sidecars call (egress). */}}
{{- define "boxoffice-lib.meshControlPlane" -}}
{{- $mesh := include "boxoffice-lib.meshProvider" . -}}
{{- .Values.global.mesh.controlPlaneNamespace | default (ternary "linkerd" "istio-system" (eq $mesh "linkerd")) -}}
{{- end }}

{{/*
Pod annotations of the mesh. The sidecar must outlive the application's graceful shutdown (preStop sleep, then
Spring's shutdown phase) and be ready before it starts, or the first and last requests of a pod fail.
*/}}
{{- define "boxoffice-lib.meshAnnotations" -}}
{{- $mesh := include "boxoffice-lib.meshProvider" . -}}
{{- $drain := add .Values.preStopSleepSeconds (include "boxoffice-lib.shutdownPhaseSeconds" . | int) -}}
{{- if eq $mesh "linkerd" }}
linkerd.io/inject: enabled
config.linkerd.io/proxy-await: enabled
config.alpha.linkerd.io/proxy-wait-before-exit-seconds: {{ $drain | quote }}
{{- else if eq $mesh "istio" }}
proxy.istio.io/config: {{ dict "holdApplicationUntilProxyStarts" true "terminationDrainDuration" (printf "%ds" (int $drain)) | toJson | quote }}
{{- end }}
{{- end }}
