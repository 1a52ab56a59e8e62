package dev.anchor.notification;

import dev.anchor.notification.domain.SmsSegments;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.RandomMessageIDGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real SMSC (jsmpp server) in the test JVM on a free port; the service binds to it over SMPP. */
public class TestSmsc implements QuarkusTestResourceLifecycleManager, ServerMessageReceiverListener {

    public record Received(String to, String from, String text, int dataCoding, String messageId) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** When set, the SMSC answers every submit_sm with ESME_RSYSERR (a temporary system error). */
    public static volatile boolean failing;

    private SMPPServerSessionListener listener;
    private final RandomMessageIDGenerator ids = new RandomMessageIDGenerator();

    @Override
    public Map<String, String> start() {
        int port = MailServer.freePort();
        try {
            listener = new SMPPServerSessionListener(port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        listener.setMessageReceiverListener(this);
        Thread acceptor = new Thread(this::accept, "test-smsc");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of("anchor.sms.smpp.host", "127.0.0.1", "anchor.sms.smpp.port", String.valueOf(port),
                "anchor.notification.sms-providers", "smpp,http");
    }

    private void accept() {
        while (true) {
            try {
                SMPPServerSession session = listener.accept();
                BindRequest bind = session.waitForBind(5000);
                bind.accept("test-smsc");
            } catch (Exception e) {
                return; // listener closed
            }
        }
    }

    @Override
    public void stop() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
        if (failing) {
            throw new ProcessRequestException("system error", 0x08);
        }
        byte[] body = submit.getShortMessage();
        if (body == null || body.length == 0) {
            OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
            body = payload == null ? new byte[0] : ((OptionalParameter.OctetString) payload).getValue();
        }
        String text = submit.getDataCoding() == 8 ? new String(body, StandardCharsets.UTF_16BE) : SmsSegments.gsmDecode(body);
        var id = ids.newMessageId();
        RECEIVED.add(new Received(submit.getDestAddress(), submit.getSourceAddr(), text, submit.getDataCoding(), id.getValue()));
        return new SubmitSmResult(id, new OptionalParameter[0]);
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }
}
