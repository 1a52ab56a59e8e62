# shellcheck shell=bash
# ./suite logs: tails a component's log

cmd_logs() {
  local name="" lines="" follow=0 log
  while (($#)); do
    case $1 in
      -n | --lines)
        [[ ${2:-} =~ ^[0-9]+$ ]] || die "-n needs a number of lines"
        lines=$2
        shift 2
        ;;
      -f | --follow)
        follow=1
        shift
        ;;
      -h | --help) usage_logs; return 0 ;;
      -*) die "unknown option for logs: $1" ;;
      *)
        [[ -z $name ]] || die "logs takes one name"
        name=$1
        shift
        ;;
    esac
  done
  name=${name%-service}
  case $name in
    customer | issue | contact | notification | kafka | smtp | sms) log=$LOGS/$name.log ;;
    "") die "which log? ./suite logs <customer|issue|contact|notification|kafka|smtp|sms> [-n LINES] [-f]" ;;
    *) die "no log named '$name' (customer, issue, contact, notification, kafka, smtp, sms)" ;;
  esac
  [[ -f $log ]] || die "no log yet: ${log#"$ROOT"/}"
  if ((follow)) || [[ -z $lines ]]; then
    exec tail -n "${lines:-100}" -F "$log"
  fi
  tail -n "$lines" "$log"
}
