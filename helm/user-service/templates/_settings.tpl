{{/* What user-service reads beyond the shared settings (see boxoffice-lib.settings). */}}
{{- define "user-service.settings" -}}
{{- $login := .Values.login -}}
{{- $hashing := .Values.hashing -}}
{{- toJson (dict "env" (dict
      "BOXOFFICE_ADMIN_EMAIL" .Values.adminEmail
      "BOXOFFICE_USERS_LOGIN_WINDOW" (toString $login.window)
      "BOXOFFICE_USERS_LOGIN_FREEFAILURES" (toString (int $login.freeFailures))
      "BOXOFFICE_USERS_LOGIN_FIRSTDELAY" (toString $login.firstDelay)
      "BOXOFFICE_USERS_LOGIN_MAXDELAY" (toString $login.maxDelay)
      "BOXOFFICE_USERS_LOGIN_MAXFAILURESPERCLIENT" (toString (int $login.maxFailuresPerClient))
      "BOXOFFICE_USERS_HASHING_BCRYPTCOST" (toString (int $hashing.bcryptCost))
      "BOXOFFICE_USERS_HASHING_MAXCONCURRENT" (toString (int $hashing.maxConcurrent))
      "BOXOFFICE_USERS_HASHING_MAXWAIT" (toString $hashing.maxWait)
      "BOXOFFICE_USERS_HASHING_RETRYAFTER" (toString $hashing.retryAfter))) -}}
{{- end }}
