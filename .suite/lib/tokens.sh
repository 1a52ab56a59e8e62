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

# installation_secret NAME: prints this installation's key NAME, 32 random bytes in hex generated once into
# .suite/run/keys/NAME (the prod profile the jars run in refuses the built-in development defaults)
installation_secret() {
  if [[ ! -s $KEYS/$1 ]]; then
    need_cmd openssl
    mkdir -p "$KEYS"
    (umask 077 && openssl rand -hex 32 >"$KEYS/$1")
  fi
  tr -d '\n' <"$KEYS/$1"
}

# callback_secret: the HMAC key for provider callbacks (notification-service's ANCHOR_CALLBACK_SECRET)
callback_secret() { installation_secret callback-secret; }

# link_secret: the HMAC key of the preferences and unsubscribe links notification-service sends and customer-service
# serves (ANCHOR_LINK_SECRET, the same in both)
link_secret() { installation_secret link-secret; }
