{{/*
Shared helpers. Every per-service template ranges over "anchor.serviceKeys" and calls these with
(dict "root" $ "key" $key): one set of templates renders all four services from values.
*/}}

{{/* The services, in a fixed order. */}}
{{- define "anchor.serviceKeys" -}}
customer issue contact notification
{{- end -}}

{{- define "anchor.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "anchor.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "anchor.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels on every object of the release. */}}
{{- define "anchor.labels" -}}
helm.sh/chart: {{ include "anchor.chart" . }}
app.kubernetes.io/name: {{ include "anchor.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: anchor
{{- end -}}

{{/* One service's settings: services.<key> over defaults. Use with fromYaml. */}}
{{- define "anchor.svc" -}}
{{- include "anchor.merge" (dict "base" .root.Values.defaults "over" (index .root.Values.services .key)) -}}
{{- end -}}

{{/*
Deep merge of two maps, "over" winning, as YAML. Unlike sprig's merge/mergeOverwrite it lets false, 0 and ""
override (services.issue.autoscaling.enabled=false must switch the HPA off).
*/}}
{{- define "anchor.merge" -}}
{{- $out := deepCopy .base -}}
{{- range $k, $v := .over -}}
{{- if and (kindIs "map" $v) (kindIs "map" (get $out $k)) -}}
{{- $_ := set $out $k (include "anchor.merge" (dict "base" (get $out $k) "over" $v) | fromYaml) -}}
{{- else -}}
{{- $_ := set $out $k $v -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/* Name of one service's objects, e.g. anchor-customer-service. */}}
{{- define "anchor.svc.fullname" -}}
{{- $svc := index .root.Values.services .key -}}
{{- printf "%s-%s" (include "anchor.fullname" .root) $svc.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels of one service: Deployment, Service, PDB, NetworkPolicy, ServiceMonitor use exactly these. */}}
{{- define "anchor.svc.selectorLabels" -}}
{{- $svc := index .root.Values.services .key -}}
app.kubernetes.io/name: {{ include "anchor.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ $svc.name }}
{{- end -}}

{{- define "anchor.svc.labels" -}}
{{ include "anchor.labels" .root }}
app.kubernetes.io/component: {{ (index .root.Values.services .key).name }}
{{- end -}}

{{/* Image reference of one service for the selected variant. */}}
{{- define "anchor.svc.image" -}}
{{- $svc := index .root.Values.services .key -}}
{{- $variant := index .root.Values.image .root.Values.image.variant -}}
{{- $repository := printf "%s%s" $svc.image.repository $variant.repositorySuffix -}}
{{- if .root.Values.image.registry -}}
{{- $repository = printf "%s/%s" (trimSuffix "/" .root.Values.image.registry) $repository -}}
{{- end -}}
{{- $tag := printf "%s%s" (default (default .root.Chart.AppVersion .root.Values.image.tag) $svc.image.tag) $variant.tagSuffix -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}

{{/* The Secret whose keys become one service's environment (credentials). */}}
{{- define "anchor.svc.secretName" -}}
{{- $svc := index .root.Values.services .key -}}
{{- default (include "anchor.svc.fullname" .) $svc.secret.existingSecret -}}
{{- end -}}

{{- define "anchor.serviceAccountName" -}}
{{- if .root.Values.serviceAccount.create -}}
{{- include "anchor.svc.fullname" . -}}
{{- else -}}
default
{{- end -}}
{{- end -}}

{{/* JDBC URL of one service's database. */}}
{{- define "anchor.svc.jdbcUrl" -}}
{{- $svc := index .root.Values.services .key -}}
{{- $db := .root.Values.database -}}
{{- $url := printf "jdbc:postgresql://%s:%v/%s?sslmode=%s" $db.host $db.port $svc.database.name $db.sslMode -}}
{{- if $db.caSecret -}}
{{- $url = printf "%s&sslrootcert=%s/ca.crt" $url (include "anchor.dbCa.mountPath" .root) -}}
{{- end -}}
{{- if $db.extraParameters -}}
{{- $url = printf "%s&%s" $url $db.extraParameters -}}
{{- end -}}
{{- $url -}}
{{- end -}}

{{/* User the selected image variant runs as. */}}
{{- define "anchor.runAsUser" -}}
{{- (index .Values.image .Values.image.variant).runAsUser -}}
{{- end -}}

{{/* Pod-level security context shared by every pod of the chart. */}}
{{- define "anchor.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .runAsUser }}
runAsGroup: {{ .runAsUser }}
fsGroup: {{ .runAsUser }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Container-level security context shared by every container of the chart. */}}
{{- define "anchor.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .runAsUser }}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Where the JWT verification key is mounted when it comes from a Secret or the inline ConfigMap. */}}
{{- define "anchor.jwt.mountPath" -}}
/etc/anchor/jwt
{{- end -}}

{{- define "anchor.jwt.location" -}}
{{- if eq .Values.jwt.publicKeySource "location" -}}
{{- required "jwt.publicKeyLocation is required when jwt.publicKeySource=location" .Values.jwt.publicKeyLocation -}}
{{- else -}}
{{- printf "file:%s/publicKey.pem" (include "anchor.jwt.mountPath" .) -}}
{{- end -}}
{{- end -}}

{{/* The jwt-key volume, or nothing when the key is fetched from a location. */}}
{{- define "anchor.jwt.volume" -}}
{{- if eq .Values.jwt.publicKeySource "secret" }}
- name: jwt-key
  secret:
    secretName: {{ required "jwt.existingSecret is required when jwt.publicKeySource=secret" .Values.jwt.existingSecret }}
    items:
      - key: publicKey.pem
        path: publicKey.pem
{{- else if eq .Values.jwt.publicKeySource "inline" }}
- name: jwt-key
  configMap:
    name: {{ include "anchor.fullname" . }}-jwt
    items:
      - key: publicKey.pem
        path: publicKey.pem
{{- end }}
{{- end -}}

{{/* Environment every Anchor container gets from the release (non-secret; per service ConfigMap holds the rest). */}}
{{- define "anchor.svc.envFrom" -}}
- configMapRef:
    name: {{ include "anchor.svc.fullname" . }}
- secretRef:
    name: {{ include "anchor.svc.secretName" . }}
{{- if .root.Values.kafka.existingSecret }}
- secretRef:
    name: {{ .root.Values.kafka.existingSecret }}
{{- end }}
{{- end -}}


{{/* One service's non-secret environment, as ConfigMap data (its hash rolls the pods when it changes). */}}
{{- define "anchor.svc.configData" -}}
{{- $root := .root -}}
QUARKUS_HTTP_PORT: "8080"
QUARKUS_DATASOURCE_JDBC_URL: {{ include "anchor.svc.jdbcUrl" . | quote }}
KAFKA_BOOTSTRAP_SERVERS: {{ $root.Values.kafka.bootstrapServers | quote }}
MP_JWT_VERIFY_ISSUER: {{ $root.Values.jwt.issuer | quote }}
MP_JWT_VERIFY_PUBLICKEY_LOCATION: {{ include "anchor.jwt.location" $root | quote }}
{{- if $root.Values.migration.job.enabled }}
QUARKUS_FLYWAY_MIGRATE_AT_START: "false"
{{- end }}
{{- with $root.Values.tracing.otlpEndpoint }}
QUARKUS_OTEL_SDK_DISABLED: "false"
QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: {{ . | quote }}
{{- end }}
{{- if and (eq .key "contact") $root.Values.contact.mailbox.host }}
ANCHOR_MAILBOX_HOST: {{ $root.Values.contact.mailbox.host | quote }}
ANCHOR_MAILBOX_PORT: {{ $root.Values.contact.mailbox.port | quote }}
ANCHOR_MAILBOX_SSL: {{ $root.Values.contact.mailbox.ssl | quote }}
ANCHOR_MAILBOX_USER: {{ $root.Values.contact.mailbox.user | quote }}
ANCHOR_MAILBOX_FOLDER: {{ $root.Values.contact.mailbox.folder | quote }}
ANCHOR_MAILBOX_POLL_EVERY: {{ $root.Values.contact.mailbox.pollEvery | quote }}
{{- end }}
{{- if eq .key "issue" }}
ANCHOR_STATUS_PAGE_BASE_URL: {{ $root.Values.issue.statusPageBaseUrl | quote }}
{{- end }}
{{- if eq .key "notification" }}
QUARKUS_MAILER_HOST: {{ $root.Values.notification.smtp.host | quote }}
QUARKUS_MAILER_PORT: {{ $root.Values.notification.smtp.port | quote }}
QUARKUS_MAILER_START_TLS: {{ $root.Values.notification.smtp.startTls | quote }}
QUARKUS_MAILER_TLS: {{ $root.Values.notification.smtp.tls | quote }}
QUARKUS_MAILER_FROM: {{ $root.Values.notification.smtp.from | quote }}
QUARKUS_MAILER_MOCK: "false"
ANCHOR_SMS_HTTP_URL: {{ $root.Values.notification.sms.httpUrl | quote }}
ANCHOR_NOTIFICATION_COALESCE_WINDOW: {{ $root.Values.notification.coalesceWindow | quote }}
ANCHOR_NOTIFICATION_AWAIT_CUSTOMER: {{ $root.Values.notification.awaitCustomer | quote }}
ANCHOR_MAIL_REPLY_ADDRESS: {{ $root.Values.notification.replyAddress | quote }}
ANCHOR_LINKS_CUSTOMER_SERVICE_BASE_URL: {{ $root.Values.customer.pagesBaseUrl | quote }}
{{- end }}
{{- end -}}

{{- define "anchor.dbCa.mountPath" -}}
/etc/anchor/db-ca
{{- end -}}
