{{- define "boxoffice-lib.deployment" -}}
{{- $root := . -}}
{{- $settings := include "boxoffice-lib.settings" . | fromJson -}}
{{- $probePort := include "boxoffice-lib.managementPortName" . -}}
{{- $mesh := include "boxoffice-lib.meshProvider" . -}}
{{- range $slot := include "boxoffice-lib.slots" . | fromJsonArray }}
{{- $ctx := dict "root" $root "slot" $slot }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "boxoffice-lib.slotName" $ctx }}
  labels:
    {{- include "boxoffice-lib.labels" $root | nindent 4 }}
    {{- with $slot }}
    boxoffice.io/slot: {{ . }}
    {{- end }}
spec:
  {{- if not $root.Values.autoscaling.enabled }}
  replicas: {{ $root.Values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      # Never drop below the current capacity while rolling: surge first.
      maxUnavailable: 0
      maxSurge: 25%
  selector:
    matchLabels:
      {{- include "boxoffice-lib.slotSelectorLabels" $ctx | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "boxoffice-lib.labels" $root | nindent 8 }}
        {{- with $slot }}
        boxoffice.io/slot: {{ . }}
        {{- end }}
        {{- if eq $mesh "istio" }}
        sidecar.istio.io/inject: "true"
        {{- end }}
      annotations:
        # Roll the pods when their configuration changes.
        checksum/config: {{ include "boxoffice-lib.configmap" $root | sha256sum }}
        checksum/secret: {{ include "boxoffice-lib.secret" $root | sha256sum }}
        {{- with include "boxoffice-lib.meshAnnotations" $root | trim }}
        {{- . | nindent 8 }}
        {{- end }}
        {{- with $root.Values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "boxoffice-lib.name" $root }}
      {{- if $settings.apiRules }}
      # This service calls the Kubernetes API, with its Role's rules only (booking-service's pre-scaler).
      automountServiceAccountToken: true
      {{- else }}
      # The service never calls the Kubernetes API.
      automountServiceAccountToken: false
      {{- end }}
      terminationGracePeriodSeconds: {{ $root.Values.terminationGracePeriodSeconds }}
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- include "boxoffice-lib.securityContext" (dict "root" $root "context" $root.Values.podSecurityContext) | nindent 8 }}
      {{- if $root.Values.topologySpread.enabled }}
      topologySpreadConstraints:
        {{- range $key := list "topology.kubernetes.io/zone" "kubernetes.io/hostname" }}
        - maxSkew: {{ $root.Values.topologySpread.maxSkew }}
          topologyKey: {{ $key }}
          whenUnsatisfiable: {{ $root.Values.topologySpread.whenUnsatisfiable }}
          labelSelector:
            matchLabels:
              {{- include "boxoffice-lib.slotSelectorLabels" $ctx | nindent 14 }}
          matchLabelKeys: [pod-template-hash]
        {{- end }}
      {{- end }}
      {{- with $root.Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $root.Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $root.Values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ include "boxoffice-lib.appName" $root }}
          image: {{ include "boxoffice-lib.image" $ctx }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $root.Values.port }}
              protocol: TCP
            {{- with $root.Values.managementPort }}
            - name: management
              containerPort: {{ . }}
              protocol: TCP
            {{- end }}
          envFrom:
            - configMapRef:
                name: {{ include "boxoffice-lib.name" $root }}
            {{- if $root.Values.existingSecret }}
            - secretRef:
                name: {{ $root.Values.existingSecret }}
            {{- end }}
            {{- if and $settings.secretEnv (not $root.Values.existingSecret) }}
            - secretRef:
                name: {{ include "boxoffice-lib.name" $root }}
            {{- end }}
          env:
            {{- include "boxoffice-lib.passwordEnv" (dict "root" $root "env" "BOXOFFICE_REDIS_PASSWORD" "store" $root.Values.global.redis) | nindent 12 }}
            {{- if $root.Values.database }}
            {{- include "boxoffice-lib.passwordEnv" (dict "root" $root "env" "BOXOFFICE_DB_PASSWORD" "store" $root.Values.global.postgres) | nindent 12 }}
            {{- end }}
            {{- range $name, $ref := $root.Values.secretKeyRefs }}
            - name: {{ $name }}
              valueFrom:
                secretKeyRef:
                  name: {{ include "boxoffice-lib.secretName" (dict "root" $root "name" $ref.secretName) }}
                  key: {{ $ref.key }}
                  {{- if $ref.optional }}
                  optional: true
                  {{- end }}
            {{- end }}
            {{- with $root.Values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          resources:
            {{- toYaml $root.Values.resources | nindent 12 }}
          startupProbe:
            httpGet:
              path: /livez
              port: {{ $probePort }}
            periodSeconds: {{ $root.Values.probes.startup.periodSeconds }}
            failureThreshold: {{ $root.Values.probes.startup.failureThreshold }}
          livenessProbe:
            httpGet:
              path: /livez
              port: {{ $probePort }}
            {{- toYaml $root.Values.probes.liveness | nindent 12 }}
          readinessProbe:
            httpGet:
              path: /readyz
              port: {{ $probePort }}
            {{- toYaml $root.Values.probes.readiness | nindent 12 }}
          lifecycle:
            preStop:
              sleep:
                seconds: {{ $root.Values.preStopSleepSeconds }}
          securityContext:
            {{- include "boxoffice-lib.securityContext" (dict "root" $root "context" $root.Values.containerSecurityContext) | nindent 12 }}
          volumeMounts:
            # The root filesystem is read-only; the JVM and Tomcat still need a scratch directory.
            - name: tmp
              mountPath: /tmp
            {{- range $root.Values.secretVolumes }}
            - name: {{ .name }}
              mountPath: {{ .mountPath }}
              readOnly: true
            {{- end }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 256Mi
        {{- range $root.Values.secretVolumes }}
        - name: {{ .name }}
          secret:
            secretName: {{ include "boxoffice-lib.secretName" (dict "root" $root "name" .secretName) }}
            defaultMode: 0440
        {{- end }}
{{- end }}
{{- end }}
