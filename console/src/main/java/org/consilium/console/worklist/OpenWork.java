package org.consilium.console.worklist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.consilium.console.caseview.CaseView;
import org.consilium.console.caseview.CaseViewListener;
import org.consilium.console.caseview.CaseViewStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every open coordinator task, in memory, kept in the worklist's default order (least time left first) as the read
 * model changes. A page of the list walks the ordered set from its start and stops once the page is full, counting
 * the rest; at 100,000 open tasks that is a few milliseconds, where the embedded store (which ignores secondary
 * indexes) would scan and sort every document per request (docs/benchmarks.md). Filled from the store at start,
 * then from each case the projection stores; a case's older version never replaces a newer one.
 */
@Component
public class OpenWork implements CaseViewListener {
    private static final Logger log = LoggerFactory.getLogger(OpenWork.class);

    private final ConcurrentSkipListSet<WorkItem> ordered = new ConcurrentSkipListSet<>(WorkItem.BY_TIME_LEFT);
    private final Map<String, CaseEntry> byCase = new ConcurrentHashMap<>();
    private final Map<String, WorkItem> byTask = new ConcurrentHashMap<>();
    private final CaseViewStore store;
    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot;
    private static final Comparator<WorkItem> BY_CREATED = Comparator
            .comparing(WorkItem::created, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(WorkItem::taskId);

    public OpenWork(CaseViewStore store) {
        this.store = store;
    }

    private record CaseEntry(long version, List<WorkItem> items) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        store.withOpenTasks().doOnNext(this::changed).count()
                .doOnNext(cases -> log.info("worklist: {} cases with open tasks loaded from the read model", cases))
                .onErrorResume(error -> {
                    log.warn("worklist: the read model could not be loaded yet: {}", error.toString());
                    return Mono.empty();
                })
                .subscribe();
    }

    @Override
    public synchronized void changed(CaseView view) {
        CaseEntry known = byCase.get(view.caseId());
        if (known != null && known.version() >= view.version()) {
            return;
        }
        if (known != null) {
            known.items().forEach(item -> {
                ordered.remove(item);
                byTask.remove(item.taskId());
            });
        }
        List<WorkItem> items = view.openTasks().stream().map(task -> WorkItem.of(view, task)).toList();
        items.forEach(item -> {
            ordered.add(item);
            byTask.put(item.taskId(), item);
        });
        byCase.put(view.caseId(), new CaseEntry(view.version(), items));
        changes.incrementAndGet();
    }

    public Optional<WorkItem> task(String taskId) {
        return Optional.ofNullable(byTask.get(taskId));
    }

    public int size() {
        return ordered.size();
    }

    /** One page of the tasks that match, in the query's order, with how many match in all. */
    public WorkPage page(WorklistQuery query, String username, Instant now) {
        return page(query, Set.of(), username, now);
    }

    /** @param nameTokens the hashes of the search's words, to find a case by its patient's name */
    public WorkPage page(WorklistQuery query, Set<String> nameTokens, String username, Instant now) {
        Snapshot all = snapshot();
        WorkItem[] inOrder = switch (query.sort()) {
            case TIME_LEFT -> all.byTimeLeft();
            case OLDEST, NEWEST -> all.byCreated();
        };
        if (!query.search().isEmpty()) {
            // a search narrows to the few tasks it can find before any filter is tested: at 100,000 open tasks,
            // testing every one took p99 240-283 ms on a loaded machine (docs/benchmarks.md)
            inOrder = all.found(WorkItem.caseIdKey(query.search()), nameTokens, inOrder,
                    query.sort() == WorklistQuery.Sort.TIME_LEFT ? WorkItem.BY_TIME_LEFT : BY_CREATED);
        }
        boolean backwards = query.sort() == WorklistQuery.Sort.NEWEST;
        int from = (query.page() - 1) * query.size();
        List<WorkItem> items = new ArrayList<>(query.size());
        if (!query.filtered()) {
            // nothing to count: the page is a slice
            for (int i = from; i < Math.min(inOrder.length, from + query.size()); i++) {
                items.add(inOrder[backwards ? inOrder.length - 1 - i : i]);
            }
            return new WorkPage(items, inOrder.length, query.page(), query.size());
        }
        Predicate<WorkItem> matches = query.matcher(username, now, nameTokens);
        // least time left first, the breached tasks are the array's start: only that part is walked (at 100,000 open
        // tasks the breached filter walked and tested them all, p99 225 ms; docs/benchmarks.md)
        int end = query.breached() && query.sort() == WorklistQuery.Sort.TIME_LEFT ? breachedUpTo(inOrder, now) : inOrder.length;
        int total = 0;
        for (int i = 0; i < end; i++) {
            WorkItem item = inOrder[backwards ? inOrder.length - 1 - i : i];
            if (matches.test(item)) {
                if (total >= from && items.size() < query.size()) {
                    items.add(item);
                }
                total++;
            }
        }
        return new WorkPage(items, total, query.page(), query.size());
    }

    /** How many tasks at the start of the time-left order are breached: the first index whose clock has not run out. */
    static int breachedUpTo(WorkItem[] byTimeLeft, Instant now) {
        int low = 0;
        int high = byTimeLeft.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (byTimeLeft[middle].breached(now)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * The tasks as arrays in both orders, made again on the first read after a change (walking an array is several
     * times faster than walking the skip list, and the order by age is then sorted once, not per request).
     */
    private Snapshot snapshot() {
        Snapshot current = snapshot;
        long seen = changes.get();
        if (current != null && current.changes() == seen) {
            return current;
        }
        synchronized (this) {
            WorkItem[] byTimeLeft = ordered.toArray(WorkItem[]::new);
            WorkItem[] byCreated = byTimeLeft.clone();
            Arrays.sort(byCreated, BY_CREATED);
            snapshot = new Snapshot(seen, byTimeLeft, byCreated, new java.util.concurrent.atomic.AtomicReference<>());
            return snapshot;
        }
    }

    private static final Comparator<WorkItem> BY_CASE_ID = Comparator.<WorkItem, String>comparing(WorkItem::caseIdKey)
            .thenComparing(WorkItem::taskId);

    /**
     * The tasks in both orders, and (once a search asks) two indexes it goes through instead of testing every task:
     * by case id (its key, sorted: the cases whose id starts with what was typed are one run of it) and by each word
     * of the patient's name (its keyed hash).
     */
    private record Snapshot(long changes, WorkItem[] byTimeLeft, WorkItem[] byCreated,
                            java.util.concurrent.atomic.AtomicReference<SearchIndex> index) {

        /** Made on the first search after a change, not with every snapshot: most reads do not search. */
        private SearchIndex search() {
            SearchIndex made = index.get();
            if (made == null) {
                made = SearchIndex.of(byTimeLeft);
                index.compareAndSet(null, made);
            }
            return made;
        }

        /**
         * The tasks a search can find, in {@code order}: those whose case id starts with {@code idKey} and those whose
         * patient's name has every one of {@code nameTokens}; all of {@code inOrder} when {@code idKey} is null (a
         * search for "case" finds every case).
         */
        WorkItem[] found(String idKey, Set<String> nameTokens, WorkItem[] inOrder, Comparator<WorkItem> order) {
            if (idKey == null) {
                return inOrder;
            }
            SearchIndex index = search();
            WorkItem[] byCaseId = index.byCaseId();
            Set<WorkItem> found = new java.util.HashSet<>();
            for (int i = index.firstAtOrAfter(idKey); i < byCaseId.length && byCaseId[i].caseIdKey().startsWith(idKey); i++) {
                found.add(byCaseId[i]);
            }
            if (!nameTokens.isEmpty()) {
                // the rarest word's tasks, each then checked for all the words
                nameTokens.stream().map(token -> index.byNameToken().getOrDefault(token, List.of()))
                        .min(Comparator.comparingInt(List::size)).orElse(List.of())
                        .stream().filter(item -> item.named(nameTokens)).forEach(found::add);
            }
            WorkItem[] sorted = found.toArray(WorkItem[]::new);
            Arrays.sort(sorted, order);
            return sorted;
        }
    }

    /** The tasks sorted by case-id key, and each name word's tasks. */
    private record SearchIndex(WorkItem[] byCaseId, Map<String, List<WorkItem>> byNameToken) {

        static SearchIndex of(WorkItem[] tasks) {
            WorkItem[] byCaseId = tasks.clone();
            Arrays.sort(byCaseId, BY_CASE_ID);
            Map<String, List<WorkItem>> byNameToken = new java.util.HashMap<>();
            for (WorkItem item : tasks) {
                item.nameTokens().forEach(token -> byNameToken.computeIfAbsent(token, t -> new ArrayList<>()).add(item));
            }
            return new SearchIndex(byCaseId, byNameToken);
        }

        /** Binary search: the first task whose case-id key is not below {@code key}. */
        private int firstAtOrAfter(String key) {
            int low = 0;
            int high = byCaseId.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (byCaseId[middle].caseIdKey().compareTo(key) < 0) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }

    /**
     * Waits until the read model shows what the engine just accepted (a claim, an assignment), so the page the
     * browser is sent back to shows it too; gives up quietly after {@code patience} (the live update follows).
     */
    public Mono<Boolean> awaitTask(String taskId, Predicate<Optional<WorkItem>> shown, Duration patience) {
        return Flux.interval(Duration.ZERO, Duration.ofMillis(50)).map(tick -> shown.test(task(taskId)))
                .filter(Boolean::booleanValue).next().timeout(patience, Mono.just(false));
    }
}
