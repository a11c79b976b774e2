package io.qabot.core;

import java.util.List;
import java.util.Objects;

/** Runs stages in order; each call to {@link #proceed} moves one stage down the list. */
final class StageChain implements Stage.Chain {
    private final List<Stage> stages;
    private final int index;

    StageChain(List<Stage> stages) {
        this(List.copyOf(stages), 0);
    }

    private StageChain(List<Stage> stages, int index) {
        this.stages = stages;
        this.index = index;
    }

    @Override
    public Outcome proceed(Exchange exchange) {
        if (index >= stages.size()) {
            throw new IllegalStateException("the last stage " + stages.get(stages.size() - 1).getClass().getSimpleName()
                    + " must decide the outcome, not proceed");
        }
        Stage stage = stages.get(index);
        Outcome outcome = stage.intercept(exchange, new StageChain(stages, index + 1));
        return Objects.requireNonNull(outcome, () -> "stage " + stage.getClass().getSimpleName() + " returned null");
    }
}
