{{- define "boxoffice-lib.portPeers" -}}
- ports:
    {{- range .ports }}
    - protocol: TCP
      port: {{ . }}
    {{- end }}
  {{- with .peers }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}

{{- define "boxoffice-lib.networkpolicy" -}}
{{- if .Values.networkPolicy.enabled }}
{{- $g := .Values.global -}}
{{- $np := .Values.networkPolicy -}}
{{- $mesh := include "boxoffice-lib.meshProvider" . -}}
{{- $settings := include "boxoffice-lib.settings" . | fromJson -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  {{- include "boxoffice-lib.metadata" . | nindent 2 }}
spec:
  podSelector:
    matchLabels:
      {{- include "boxoffice-lib.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress, Egress]
  {{- $peers := list }}
  {{- range $np.allowFrom }}
  {{- /* Callers of this release only: another release in the namespace has its own. */}}
  {{- $peers = append $peers (dict "podSelector" (dict "matchLabels" (dict "app.kubernetes.io/name" . "app.kubernetes.io/instance" $.Release.Name))) }}
  {{- end }}
  {{- if $np.allowFromIngressController }}
  {{- $peers = append $peers (dict "namespaceSelector" (dict "matchLabels" (dict "kubernetes.io/metadata.name" $g.networkPolicy.ingressControllerNamespace))) }}
  {{- end }}
  {{- $scrapers := list }}
  {{- with $g.networkPolicy.monitoringNamespace }}
  {{- $scrapers = append $scrapers (dict "namespaceSelector" (dict "matchLabels" (dict "kubernetes.io/metadata.name" .))) }}
  {{- end }}
  {{- /* With a management port, Prometheus gets that port only and callers never reach it. */}}
  {{- $managementPeers := list }}
  {{- if .Values.managementPort }}
  {{- $managementPeers = $scrapers }}
  {{- else }}
  {{- $peers = concat $peers $scrapers }}
  {{- end }}
  {{- /* A rule with no peers would admit everyone: render none, which admits no one. */}}
  {{- if or $peers $managementPeers }}
  ingress:
    {{- with $peers }}
    - ports:
        - protocol: TCP
          port: http
        {{- if eq $mesh "linkerd" }}
        # Linkerd's proxy takes meshed connections on its inbound port.
        - protocol: TCP
          port: 4143
        {{- end }}
      from:
        {{- toYaml . | nindent 8 }}
    {{- end }}
    {{- with $managementPeers }}
    - ports:
        - protocol: TCP
          port: management
      from:
        {{- toYaml . | nindent 8 }}
    {{- end }}
  {{- else }}
  ingress: []
  {{- end }}
  egress:
    - ports:
        - protocol: UDP
          port: 53
        - protocol: TCP
          port: 53
    # Callers are named on the receiving side; here any Boxoffice pod may be called.
    - to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/part-of: boxoffice
    {{- include "boxoffice-lib.portPeers" (dict "ports" (list $g.redis.port) "peers" $g.redis.networkPeers) | nindent 4 }}
    {{- if .Values.database }}
    {{- include "boxoffice-lib.portPeers" (dict "ports" (list $g.postgres.port) "peers" $g.postgres.networkPeers) | nindent 4 }}
    {{- end }}
    {{- if $g.otel.endpoint }}
    {{- include "boxoffice-lib.portPeers" (dict "ports" $g.otel.ports) | nindent 4 }}
    {{- end }}
    {{- if $settings.apiRules }}
    # The Kubernetes API (its Service's port, and the API servers' own behind it), for the Role's rules only.
    {{- include "boxoffice-lib.portPeers" (dict "ports" (list 443 6443)) | nindent 4 }}
    {{- end }}
    {{- if ne $mesh "none" }}
    # The sidecar's control plane: identity (certificates for mTLS), discovery and policy.
    {{- $controlPlane := list (dict "namespaceSelector" (dict "matchLabels" (dict "kubernetes.io/metadata.name" (include "boxoffice-lib.meshControlPlane" .)))) }}
    {{- include "boxoffice-lib.portPeers" (dict "ports" (ternary (list 8080 8086 8090) (list 15012) (eq $mesh "linkerd")) "peers" $controlPlane) | nindent 4 }}
    {{- end }}
    {{- with $np.extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end }}
{{- end }}
