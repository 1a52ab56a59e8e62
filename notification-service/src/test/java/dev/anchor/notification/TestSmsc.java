package dev.anchor.notification;

import dev.anchor.notification.domain.SmsSegments;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
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
import java.util.concurrent.TimeUnit;

/**
 * A real SMSC (jsmpp server) in the test JVM on a free port; the service binds to it over SMPP, and {@link #deliver}
 * sends it a deliver_sm (a customer's SMS or a delivery receipt) as an SMSC does.
 */
public class TestSmsc implements QuarkusTestResourceLifecycleManager, ServerMessageReceiverListener {

    public record Received(String to, String from, String text, int dataCoding, String messageId) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** When set, the SMSC answers every submit_sm with ESME_RSYSERR (a temporary system error). */
    public static volatile boolean failing;
    private static final List<SMPPServerSession> SESSIONS = new CopyOnWriteArrayList<>();

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
                session.setTransactionTimer(10000); // a deliver_sm waits for the database, not only the network
                bind.accept("test-smsc");
                SESSIONS.add(session);
            } catch (Exception e) {
                return; // listener closed
            }
        }
    }

    /**
     * Sends a deliver_sm to the ESME bound to receive (waiting up to 30 s for one) and returns the command status of
     * its deliver_sm_resp: 0 when it took the message, else the error it answered.
     */
    public static int deliver(String from, String to, byte esmClass, byte dataCoding, byte[] shortMessage,
                              OptionalParameter... parameters) throws Exception {
        SMPPServerSession session = receiving();
        try {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                    TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, to, new ESMClass(esmClass), (byte) 0,
                    (byte) 0, new RegisteredDelivery(), DataCodings.newInstance(dataCoding), shortMessage, parameters);
            return 0;
        } catch (NegativeResponseException e) {
            return e.getCommandStatus();
        }
    }

    /** Drops every session, as an SMSC or the network does: the service has to bind again before more arrives. */
    public static void dropSessions() {
        for (SMPPServerSession session : SESSIONS) {
            session.close();
        }
        SESSIONS.clear();
    }

    private static SMPPServerSession receiving() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (int i = SESSIONS.size() - 1; i >= 0; i--) {
                SessionState state = SESSIONS.get(i).getSessionState();
                if (state == SessionState.BOUND_TRX || state == SessionState.BOUND_RX) {
                    return SESSIONS.get(i);
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no ESME is bound to receive from the test SMSC");
    }

    @Override
    public void stop() {
        SESSIONS.clear();
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
