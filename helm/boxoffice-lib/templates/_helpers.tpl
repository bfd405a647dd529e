{{/* Service name: also the in-cluster hostname other services are configured with. */}}
{{- define "boxoffice-lib.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{- define "boxoffice-lib.selectorLabels" -}}
app.kubernetes.io/name: {{ include "boxoffice-lib.name" . }}
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

{{- define "boxoffice-lib.image" -}}
{{- $image := .root.Values.image -}}
{{- $repository := default (printf "boxoffice/%s" .root.Chart.Name) $image.repository -}}
{{- $slotTag := "" -}}
{{- if .slot }}{{ $slotTag = (get .root.Values.blueGreen.slots .slot).tag }}{{ end -}}
{{- $tag := default .root.Chart.AppVersion (default $image.tag $slotTag) -}}
{{- if $image.digest -}}
{{ printf "%s/%s@%s" $image.registry $repository $image.digest }}
{{- else -}}
{{ printf "%s/%s:%s" $image.registry $repository $tag }}
{{- end -}}
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
What a service reads beyond the shared settings, as JSON {"env": {...}, "secretEnv": {...}}:
each service chart defines "<chart name>.settings" from its own values (templates/_settings.tpl).
.Values.env and .Values.secretEnv win over these.
*/}}
{{- define "boxoffice-lib.settings" -}}
{{- $own := include (printf "%s.settings" .Chart.Name) . | fromJson -}}
{{- $env := merge (deepCopy .Values.env) (default dict $own.env) -}}
{{- $secretEnv := merge (deepCopy .Values.secretEnv) (default dict $own.secretEnv) -}}
{{- toJson (dict "env" $env "secretEnv" $secretEnv) -}}
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
