# shellcheck shell=bash
# keys and tokens: the RSA key pair and the RS256 JWTs the services accept

ensure_keys() {
  [[ -s $KEYS/private.pem && -s $KEYS/public.pem ]] && return 0
  need_cmd openssl
  mkdir -p "$KEYS"
  step keys "generating an RSA 2048 key pair in .suite/run/keys"
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/private.pem" 2>/dev/null)
  openssl pkey -in "$KEYS/private.pem" -pubout -out "$KEYS/public.pem"
  ok
}

b64url() {
  openssl base64 -A | tr '+/' '-_' | tr -d '='
}

json_string() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

# make_token ROLE SUB LOCATION TTL [NAME]: prints a signed RS256 JWT
make_token() {
  local role=$1 sub=$2 location=$3 ttl=$4 name=${5:-} now jti header claims input signature
  ensure_keys >&2
  now=$(date +%s)
  jti=$(cat /proc/sys/kernel/random/uuid)
  header='{"alg":"RS256","typ":"JWT"}'
  claims="{\"iss\":$(json_string "$JWT_ISSUER"),\"sub\":$(json_string "$sub"),\"upn\":$(json_string "$sub")"
  claims+=",\"groups\":[$(json_string "$role")],\"iat\":$now,\"exp\":$((now + ttl)),\"jti\":\"$jti\""
  [[ -n $location ]] && claims+=",\"location\":$(json_string "$location")"
  [[ -n $name ]] && claims+=",\"name\":$(json_string "$name")"
  claims+="}"
  input="$(printf '%s' "$header" | b64url).$(printf '%s' "$claims" | b64url)"
  signature=$(printf '%s' "$input" | openssl dgst -sha256 -sign "$KEYS/private.pem" | b64url)
  printf '%s.%s\n' "$input" "$signature"
}

# callback_secret: prints this installation's HMAC key for provider callbacks (notification-service's
# ANCHOR_CALLBACK_SECRET), generated once into .suite/run/keys/callback-secret; the prod profile refuses a default one
callback_secret() {
  if [[ ! -s $KEYS/callback-secret ]]; then
    need_cmd openssl
    mkdir -p "$KEYS"
    (umask 077 && openssl rand -hex 32 >"$KEYS/callback-secret")
  fi
  tr -d '\n' <"$KEYS/callback-secret"
}
