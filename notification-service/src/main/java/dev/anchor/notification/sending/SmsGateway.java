package dev.anchor.notification.sending;

import dev.anchor.notification.domain.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Sends through the configured providers in order: a provider that is down fails over to the next. */
@ApplicationScoped
public class SmsGateway {

    private static final Logger LOG = Logger.getLogger(SmsGateway.class);

    public record Accepted(String provider, String id) {
    }

    private final Map<String, SmsSender> senders;
    private final Settings settings;

    public SmsGateway(Instance<SmsSender> senders, Settings settings) {
        this.senders = senders.stream().collect(Collectors.toMap(SmsSender::name, Function.identity()));
        this.settings = settings;
    }

    public Accepted send(SmsSender.Sms sms) throws SendFailure {
        List<String> errors = new ArrayList<>();
        for (String name : settings.smsProviders()) {
            SmsSender sender = senders.get(name.trim());
            if (sender == null) {
                errors.add(name + ": no such provider");
                continue;
            }
            try {
                return new Accepted(sender.name(), sender.send(sms));
            } catch (SendFailure e) {
                if (e.permanent()) {
                    throw e;
                }
                LOG.warnf("SMS provider %s failed (%s); trying the next", name, e.getMessage());
                errors.add(name + ": " + e.getMessage());
            }
        }
        throw SendFailure.transientFailure(String.join("; ", errors));
    }
}
