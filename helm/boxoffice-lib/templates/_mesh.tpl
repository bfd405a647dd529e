{{/*
Mesh objects of one service (global.mesh.provider; docs/operations.md, "Service mesh"). Both meshes encrypt and
authenticate pod-to-pod traffic with mTLS; these objects make the service refuse plaintext from other pods on its
public port, keep the management port (probes, Prometheus) open to what the NetworkPolicy admits, and leave retries and
timeouts to the platform (the gateway's route timeouts and circuit breakers), not the mesh.
- istio: a PeerAuthentication (STRICT; the management port, and the gateway's public port while the ingress
  controller is outside the mesh, PERMISSIVE) and a VirtualService for the service's host with retries off.
- linkerd: a Server per port: `http` for authenticated (meshed) clients only (the gateway's: any client, as the
  ingress controller may be outside the mesh), `management` for any client.
*/}}
{{- define "boxoffice-lib.mesh" -}}
{{- $mesh := include "boxoffice-lib.meshProvider" . -}}
{{- $edge := .Values.networkPolicy.allowFromIngressController -}}
{{- if eq $mesh "istio" }}
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  {{- include "boxoffice-lib.metadata" . | nindent 2 }}
spec:
  selector:
    matchLabels:
      {{- include "boxoffice-lib.selectorLabels" . | nindent 6 }}
  mtls:
    mode: STRICT
  {{- if or .Values.managementPort (and $edge (not .Values.global.mesh.ingressInMesh)) }}
  portLevelMtls:
    {{- with .Values.managementPort }}
    {{ . | quote }}:
      mode: PERMISSIVE
    {{- end }}
    {{- if and $edge (not .Values.global.mesh.ingressInMesh) }}
    {{ .Values.port | quote }}:
      mode: PERMISSIVE
    {{- end }}
  {{- end }}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  {{- include "boxoffice-lib.metadata" . | nindent 2 }}
spec:
  hosts:
    - {{ include "boxoffice-lib.name" . }}
  http:
    - route:
        - destination:
            host: {{ include "boxoffice-lib.name" . }}
            port:
              number: {{ .Values.port }}
      # Retries and timeouts live in one layer, the platform's (docs/operations.md): a mesh retry of a 503
      # service-busy would multiply the load that made a replica shed it.
      retries:
        attempts: 0
{{- else if eq $mesh "linkerd" }}
apiVersion: policy.linkerd.io/v1beta3
kind: Server
metadata:
  name: {{ include "boxoffice-lib.name" . }}-http
  labels:
    {{- include "boxoffice-lib.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "boxoffice-lib.selectorLabels" . | nindent 6 }}
  port: http
  accessPolicy: {{ ternary "all-unauthenticated" "all-authenticated" (and $edge (not .Values.global.mesh.ingressInMesh)) }}
{{- with .Values.managementPort }}
---
apiVersion: policy.linkerd.io/v1beta3
kind: Server
metadata:
  name: {{ include "boxoffice-lib.name" $ }}-management
  labels:
    {{- include "boxoffice-lib.labels" $ | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "boxoffice-lib.selectorLabels" $ | nindent 6 }}
  port: management
  accessPolicy: all-unauthenticated
{{- end }}
{{- end }}
{{- end }}
