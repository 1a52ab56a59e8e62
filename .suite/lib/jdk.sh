# shellcheck shell=bash
# JDK: the java that runs the infrastructure and the services, and the one Maven uses

JDK_SELECTED=0

java_major() {
  local v
  v=$("$1" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')
  v=${v#1.}
  v=${v%%[^0-9]*}
  echo "${v:-0}"
}

# Maven 3.9 (Guice) trips JDK 24+'s sun.misc.Unsafe warnings; the flag exists since JDK 23
quiet_maven_on_new_jdks() {
  if (($1 >= 24)) && [[ ${MAVEN_OPTS:-} != *sun-misc-unsafe-memory-access* ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
}

# use the default java when it is >= 21, else the newest JDK >= 21 under /usr/lib/jvm
select_jdk() {
  ((JDK_SELECTED)) && return 0
  JDK_SELECTED=1
  local current="" major=0 home m best="" best_major=0
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
    current=$JAVA_HOME/bin/java
  else
    current=$(command -v java || true)
  fi
  [[ -n $current ]] && major=$(java_major "$current")
  if ((major >= 21)); then
    JAVA_BIN=$current
    quiet_maven_on_new_jdks "$major"
    say jdk "using java $major ($current)"
    return 0
  fi
  for home in /usr/lib/jvm/*; do
    [[ -L $home || ! -x $home/bin/java || ! -x $home/bin/javac ]] && continue
    m=$(java_major "$home/bin/java")
    if ((m >= 21 && m > best_major)); then
      best=$home
      best_major=$m
    fi
  done
  [[ -n $best ]] || die "Anchor needs a JDK >= 21 (found ${current:-no java}${current:+, version $major}); install one under /usr/lib/jvm or set JAVA_HOME"
  export JAVA_HOME=$best
  export PATH=$best/bin:$PATH
  JAVA_BIN=$best/bin/java
  quiet_maven_on_new_jdks "$best_major"
  if [[ -n $current ]]; then
    say jdk "default java is $major (older than 21); using $best (java $best_major)"
  else
    say jdk "no java on PATH; using $best (java $best_major)"
  fi
}
