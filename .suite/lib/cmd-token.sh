# shellcheck shell=bash
# ./suite token: prints a JWT the services accept

cmd_token() {
  local role=agent sub="" location="" ttl=28800 name=""
  while (($#)); do
    case $1 in
      --role | --sub | --location | --ttl | --name)
        (($# >= 2)) || die "$1 needs a value"
        case $1 in
          --role) role=$2 ;;
          --sub) sub=$2 ;;
          --location) location=$2 ;;
          --ttl) ttl=$2 ;;
          --name) name=$2 ;;
        esac
        shift 2
        ;;
      -h | --help) usage_token; return 0 ;;
      *) die "unknown option for token: $1 (see ./suite token --help)" ;;
    esac
  done
  [[ $role =~ ^(agent|supervisor|partner|system)$ ]] || die "--role must be agent, supervisor, partner or system"
  [[ -n $sub ]] || sub=$role.alice
  [[ $sub =~ ^[^[:cntrl:]]+$ ]] || die "--sub must be a non-empty name without control characters"
  [[ -z $location || $location =~ ^[^[:cntrl:]]+$ ]] || die "--location must not contain control characters"
  [[ $ttl =~ ^[1-9][0-9]*$ ]] || die "--ttl must be a positive number of seconds"
  [[ -z $name || $name =~ ^[^[:cntrl:]]+$ ]] || die "--name must not contain control characters"
  init_dirs
  make_token "$role" "$sub" "$location" "$ttl" "$name"
}
