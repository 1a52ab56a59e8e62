package dev.anchor.issue.statuspage;

import java.util.Locale;
import java.util.Map;

/** The status page's words in the customer's language (English, German, French; English otherwise). */
public final class StatusPageText {

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.ofEntries(
                    Map.entry("heading", "Your issue"), Map.entry("status", "Status"), Map.entry("owner", "Looked after by"),
                    Map.entry("nobody", "We are finding the right person"), Map.entry("next", "Next step"),
                    Map.entry("by", "by"), Map.entry("who.agent", "Us"), Map.entry("who.customer", "You"),
                    Map.entry("who.partner", "Our partner"), Map.entry("history", "History"),
                    Map.entry("comment", "Add a comment"), Map.entry("send", "Send"), Map.entry("close", "Close this issue"),
                    Map.entry("close.hint", "Close it if everything is sorted. You can still write to us afterwards."),
                    Map.entry("you", "You"), Map.entry("back", "is back on"),
                    Map.entry("open", "We have your request"), Map.entry("in_progress", "We are working on it"),
                    Map.entry("waiting_on_customer", "We need something from you"),
                    Map.entry("waiting_on_partner", "Waiting on our partner"), Map.entry("resolved", "Resolved"),
                    Map.entry("closed", "Closed"),
                    Map.entry("issue.opened", "Issue opened"), Map.entry("issue.assigned", "New owner"),
                    Map.entry("issue.next-action-set", "Next step planned"), Map.entry("issue.commented", "Comment"),
                    Map.entry("issue.action-taken", "Action taken"), Map.entry("issue.status-changed", "Status changed"),
                    Map.entry("issue.closed", "Closed"), Map.entry("issue.reopened", "Reopened"),
                    Map.entry("contact.logged", "Contact"), Map.entry("notification.sent", "Message sent"),
                    Map.entry("notice.commented", "Thank you, your comment was added."),
                    Map.entry("notice.closed", "Your issue is closed."),
                    Map.entry("notice.empty", "Please write a comment before sending."),
                    Map.entry("notice.too-long", "Your comment is too long (5000 characters at most)."),
                    Map.entry("notice.already-closed", "This issue is already closed.")),
            "de", Map.ofEntries(
                    Map.entry("heading", "Ihr Anliegen"), Map.entry("status", "Status"), Map.entry("owner", "Betreut von"),
                    Map.entry("nobody", "Wir suchen die richtige Person"), Map.entry("next", "Nächster Schritt"),
                    Map.entry("by", "bis"), Map.entry("who.agent", "Wir"), Map.entry("who.customer", "Sie"),
                    Map.entry("who.partner", "Unser Partner"), Map.entry("history", "Verlauf"),
                    Map.entry("comment", "Kommentar hinzufügen"), Map.entry("send", "Senden"),
                    Map.entry("close", "Anliegen schließen"),
                    Map.entry("close.hint", "Schließen Sie es, wenn alles erledigt ist. Sie können uns danach trotzdem schreiben."),
                    Map.entry("you", "Sie"), Map.entry("back", "ist wieder da am"),
                    Map.entry("open", "Wir haben Ihre Anfrage"), Map.entry("in_progress", "Wir arbeiten daran"),
                    Map.entry("waiting_on_customer", "Wir brauchen etwas von Ihnen"),
                    Map.entry("waiting_on_partner", "Wir warten auf unseren Partner"), Map.entry("resolved", "Gelöst"),
                    Map.entry("closed", "Geschlossen"),
                    Map.entry("issue.opened", "Anliegen eröffnet"), Map.entry("issue.assigned", "Neue Betreuung"),
                    Map.entry("issue.next-action-set", "Nächster Schritt geplant"), Map.entry("issue.commented", "Kommentar"),
                    Map.entry("issue.action-taken", "Maßnahme"), Map.entry("issue.status-changed", "Status geändert"),
                    Map.entry("issue.closed", "Geschlossen"), Map.entry("issue.reopened", "Wieder eröffnet"),
                    Map.entry("contact.logged", "Kontakt"), Map.entry("notification.sent", "Nachricht gesendet"),
                    Map.entry("notice.commented", "Danke, Ihr Kommentar wurde hinzugefügt."),
                    Map.entry("notice.closed", "Ihr Anliegen ist geschlossen."),
                    Map.entry("notice.empty", "Bitte schreiben Sie einen Kommentar."),
                    Map.entry("notice.too-long", "Ihr Kommentar ist zu lang (höchstens 5000 Zeichen)."),
                    Map.entry("notice.already-closed", "Dieses Anliegen ist bereits geschlossen.")),
            "fr", Map.ofEntries(
                    Map.entry("heading", "Votre demande"), Map.entry("status", "Statut"), Map.entry("owner", "Suivie par"),
                    Map.entry("nobody", "Nous cherchons la bonne personne"), Map.entry("next", "Prochaine étape"),
                    Map.entry("by", "d'ici le"), Map.entry("who.agent", "Nous"), Map.entry("who.customer", "Vous"),
                    Map.entry("who.partner", "Notre partenaire"), Map.entry("history", "Historique"),
                    Map.entry("comment", "Ajouter un commentaire"), Map.entry("send", "Envoyer"),
                    Map.entry("close", "Clore cette demande"),
                    Map.entry("close.hint", "Fermez-la si tout est réglé. Vous pourrez encore nous écrire ensuite."),
                    Map.entry("you", "Vous"), Map.entry("back", "est de retour le"),
                    Map.entry("open", "Nous avons votre demande"), Map.entry("in_progress", "Nous y travaillons"),
                    Map.entry("waiting_on_customer", "Nous avons besoin de vous"),
                    Map.entry("waiting_on_partner", "En attente de notre partenaire"), Map.entry("resolved", "Résolue"),
                    Map.entry("closed", "Close"),
                    Map.entry("issue.opened", "Demande ouverte"), Map.entry("issue.assigned", "Nouveau responsable"),
                    Map.entry("issue.next-action-set", "Prochaine étape prévue"), Map.entry("issue.commented", "Commentaire"),
                    Map.entry("issue.action-taken", "Action réalisée"), Map.entry("issue.status-changed", "Statut modifié"),
                    Map.entry("issue.closed", "Close"), Map.entry("issue.reopened", "Rouverte"),
                    Map.entry("contact.logged", "Contact"), Map.entry("notification.sent", "Message envoyé"),
                    Map.entry("notice.commented", "Merci, votre commentaire a été ajouté."),
                    Map.entry("notice.closed", "Votre demande est close."),
                    Map.entry("notice.empty", "Veuillez écrire un commentaire."),
                    Map.entry("notice.too-long", "Votre commentaire est trop long (5000 caractères au plus)."),
                    Map.entry("notice.already-closed", "Cette demande est déjà close.")));

    private final String language;

    private StatusPageText(String language) {
        this.language = language;
    }

    /** The words for {@code language} (a BCP 47 tag such as {@code de} or {@code de-AT}). */
    public static StatusPageText of(String language) {
        String lang = language == null ? "en" : Locale.forLanguageTag(language).getLanguage();
        return new StatusPageText(TEXT.containsKey(lang) ? lang : "en");
    }

    /** Every word of the page in this language (English where a translation is missing), for the template. */
    public Map<String, String> labels() {
        Map<String, String> all = new java.util.HashMap<>(TEXT.get("en"));
        all.putAll(TEXT.get(language));
        return all;
    }

    public String language() {
        return language;
    }

    /** The text for {@code key}, or null when there is none (unlike {@link #get}, which falls back to the key). */
    public String find(String key) {
        String text = TEXT.get(language).get(key);
        return text != null ? text : TEXT.get("en").get(key);
    }

    public String get(String key) {
        String text = TEXT.get(language).get(key);
        return text != null ? text : TEXT.get("en").getOrDefault(key, key);
    }
}
