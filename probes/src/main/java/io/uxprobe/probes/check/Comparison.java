package io.uxprobe.probes.check;

import java.math.BigDecimal;

/** A number compared to a bound: {@code { gt: 0 }}, {@code { lte: 10 }}, or a plain number meaning equal. */
public record Comparison(Operator operator, BigDecimal bound) {

    public enum Operator {
        EQ("=="), GT(">"), GTE(">="), LT("<"), LTE("<=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public boolean test(BigDecimal value) {
        int c = value.compareTo(bound);
        return switch (operator) {
            case EQ -> c == 0;
            case GT -> c > 0;
            case GTE -> c >= 0;
            case LT -> c < 0;
            case LTE -> c <= 0;
        };
    }

    @Override
    public String toString() {
        return operator.symbol() + " " + bound.toPlainString();
    }
}
