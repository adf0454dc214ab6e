package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts, across restarts of the stack, every mail the SMTP server received for the watched addresses. The mail
 * server lives in the stack's own process and forgets everything when that process is killed, so the watch reads
 * every mailbox about once a second and keeps what it saw: a mail is one (generation of the server, address, uid).
 * notification-service derives each mail's Message-ID from the command it answers, so the same Message-ID seen in
 * two mails is a notification sent twice.
 */
final class MailWatch implements AutoCloseable {
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(\\S+)");

    /** One mail as the watch saw it. */
    record Seen(String address, String messageId, String subject) {
    }

    private final Set<String> addresses = ConcurrentHashMap.newKeySet();
    private final Set<String> read = ConcurrentHashMap.newKeySet();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger generation = new AtomicInteger();
    private final Thread poller;
    private volatile boolean running = true;

    MailWatch() {
        poller = new Thread(this::pollUntilClosed, "mail-watch");
        poller.setDaemon(true);
        poller.start();
    }

    void watch(String address) {
        addresses.add(address);
    }

    /** The mail server was killed: what it shows from now on is new, even where its uids repeat. */
    void serverReplaced() {
        generation.incrementAndGet();
    }

    /** Reads once more now: the last look before the counts are taken. */
    void readAll() {
        addresses.forEach(this::readMailbox);
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** Mails whose Message-ID was seen before at the same address: each one is a duplicate notification. */
    List<Seen> duplicates() {
        Set<String> first = new HashSet<>();
        return seen.stream().filter(mail -> !first.add(mail.address() + " " + mail.messageId())).toList();
    }

    long withSubject(String address, String subject) {
        return seen.stream().filter(mail -> mail.address().equals(address) && mail.subject().equals(subject)).count();
    }

    private void pollUntilClosed() {
        while (running) {
            readAll();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void readMailbox(String address) {
        int server = generation.get();
        Http.Response inbox;
        try {
            inbox = Http.anonymousGet(RunningStack.url(8025, "/api/user/"
                    + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/"));
        } catch (RuntimeException down) {
            return; // the stack's process is down: its mail is gone, the next server starts empty
        }
        if (inbox.status() != 200) {
            return; // GreenMail answers 400 for an address that has received nothing yet
        }
        for (JsonNode message : inbox.body()) {
            String key = server + " " + address + " " + message.path("uid").asText();
            if (read.add(key)) {
                seen.add(new Seen(address, messageId(message.path("mimeMessage").asText()), message.path("subject").asText()));
            }
        }
    }

    private static String messageId(String rawMail) {
        Matcher id = MESSAGE_ID.matcher(rawMail);
        return id.find() ? id.group(1) : "(none)";
    }

    Map<String, Long> countsByAddress() {
        return seen.stream().collect(java.util.stream.Collectors.groupingBy(Seen::address, java.util.stream.Collectors.counting()));
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
