package io.qabot.core;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs stages in order; each call to {@link #proceed} moves one stage down the list. A stage may
 * proceed at most once (as OkHttp's {@code RealInterceptorChain} counts its calls): a second call
 * would run the rest twice, taking two rate tokens or enqueueing the question twice, so it fails
 * loudly, naming the stage.
 */
final class StageChain implements Stage.Chain {
    private final List<Stage> stages;
    private final int index;
    private final AtomicBoolean proceeded = new AtomicBoolean();

    StageChain(List<Stage> stages) {
        this(List.copyOf(stages), 0);
    }

    private StageChain(List<Stage> stages, int index) {
        this.stages = stages;
        this.index = index;
    }

    @Override
    public Outcome proceed(Exchange exchange) {
        // the head is the pipeline's, shared by every message; each chain after it belongs to
        // one message and one stage
        if (index > 0 && !proceeded.compareAndSet(false, true)) {
            throw new IllegalStateException("stage " + stages.get(index - 1).getClass().getSimpleName()
                    + " must call proceed at most once");
        }
        if (index >= stages.size()) {
            throw new IllegalStateException("the last stage " + stages.get(stages.size() - 1).getClass().getSimpleName()
                    + " must decide the outcome, not proceed");
        }
        Stage stage = stages.get(index);
        Outcome outcome = stage.intercept(exchange, new StageChain(stages, index + 1));
        return Objects.requireNonNull(outcome, () -> "stage " + stage.getClass().getSimpleName() + " returned null");
    }
}
