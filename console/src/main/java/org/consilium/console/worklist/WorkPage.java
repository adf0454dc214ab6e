package org.consilium.console.worklist;

import java.util.List;

/** One page of the worklist's matching tasks and how many match in all. */
public record WorkPage(List<WorkItem> items, int total, int page, int size) {

    public int pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public int firstShown() {
        return items.isEmpty() ? 0 : (page - 1) * size + 1;
    }

    public int lastShown() {
        return (page - 1) * size + items.size();
    }
}
