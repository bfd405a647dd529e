{{- define "boxoffice.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: boxoffice
{{- end }}

{{/*
A single-replica datastore for a quick start: Secret (unless an existing one is
named), Service, StatefulSet and a NetworkPolicy admitting only Boxoffice pods.
Context: dict root, name, port, uid, values (inClusterX), store (global.X),
dataPath, writablePaths, env, args, probe (a probe handler), requirePassword.
*/}}
{{- define "boxoffice.datastore" -}}
{{- $root := .root -}}
{{- $v := .values -}}
{{- $selector := dict "app.kubernetes.io/name" .name "app.kubernetes.io/instance" $root.Release.Name -}}
{{- $secretName := default .name .store.existingSecret -}}
{{- $secretKey := ternary .store.passwordKey "password" (not (empty .store.existingSecret)) -}}
{{- if not .store.existingSecret }}
{{- if .requirePassword }}{{ required (printf "the in-chart %s needs global.%s.password or global.%s.existingSecret" .name .name .name) .store.password | trunc 0 }}{{ end }}
---
apiVersion: v1
kind: Secret
metadata:
  name: {{ .name }}
  labels:
    {{- include "boxoffice.labels" $root | nindent 4 }}
    app.kubernetes.io/name: {{ .name }}
type: Opaque
stringData:
  password: {{ .store.password | quote }}
{{- end }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ .name }}
  labels:
    {{- include "boxoffice.labels" $root | nindent 4 }}
    app.kubernetes.io/name: {{ .name }}
spec:
  selector:
    {{- toYaml $selector | nindent 4 }}
  ports:
    - name: {{ .name }}
      port: {{ .port }}
      targetPort: {{ .name }}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ .name }}
  labels:
    {{- include "boxoffice.labels" $root | nindent 4 }}
    app.kubernetes.io/name: {{ .name }}
spec:
  serviceName: {{ .name }}
  replicas: 1
  selector:
    matchLabels:
      {{- toYaml $selector | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "boxoffice.labels" $root | nindent 8 }}
        app.kubernetes.io/name: {{ .name }}
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        {{- $openshift := $root.Values.global.compatibility.openshift.adaptSecurityContext }}
        {{- if not (or (eq $openshift "force") (and (eq $openshift "auto") ($root.Capabilities.APIVersions.Has "security.openshift.io/v1"))) }}
        runAsUser: {{ .uid }}
        runAsGroup: {{ .uid }}
        fsGroup: {{ .uid }}
        {{- end }}
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: {{ .name }}
          image: {{ $v.image }}
          {{- with .args }}
          args:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          ports:
            - name: {{ .name }}
              containerPort: {{ .port }}
          env:
            - name: DATASTORE_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ $secretName }}
                  key: {{ $secretKey }}
            {{- with .env }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          readinessProbe:
            {{- toYaml .probe | nindent 12 }}
            periodSeconds: 5
          livenessProbe:
            {{- toYaml .probe | nindent 12 }}
            periodSeconds: 10
            failureThreshold: 6
          resources:
            {{- toYaml $v.resources | nindent 12 }}
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: data
              mountPath: {{ .dataPath }}
            {{- range $i, $path := .writablePaths }}
            - name: {{ printf "scratch-%d" $i }}
              mountPath: {{ $path }}
            {{- end }}
      volumes:
        {{- range $i, $path := .writablePaths }}
        - name: {{ printf "scratch-%d" $i }}
          emptyDir: {}
        {{- end }}
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        {{- with $v.storageClassName }}
        storageClassName: {{ . }}
        {{- end }}
        resources:
          requests:
            storage: {{ $v.storage }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ .name }}
  labels:
    {{- include "boxoffice.labels" $root | nindent 4 }}
    app.kubernetes.io/name: {{ .name }}
spec:
  podSelector:
    matchLabels:
      {{- toYaml $selector | nindent 6 }}
  policyTypes: [Ingress, Egress]
  ingress:
    - ports:
        - protocol: TCP
          port: {{ .port }}
      from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/part-of: boxoffice
  # A datastore calls no one.
  egress: []
{{- end }}

{{/*
A platform object named `boxoffice-<what>` (bootstrap Secrets, the dashboard, the test pod) is `<release>-<what>`
when global.releasePrefix is on (context: dict "root" . "name" name); the services' charts apply the same rule.
*/}}
{{- define "boxoffice.prefixed" -}}
{{- if and .root.Values.global.releasePrefix (hasPrefix "boxoffice-" .name) -}}
{{- printf "%s-%s" .root.Release.Name (trimPrefix "boxoffice-" .name) | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- .name -}}
{{- end -}}
{{- end }}

{{/* Hostname of a Boxoffice service in this release (context: dict "root" . "service" name). */}}
{{- define "boxoffice.host" -}}
{{- if .root.Values.global.releasePrefix -}}
{{- printf "%s-%s" .root.Release.Name .service | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- .service -}}
{{- end -}}
{{- end }}
