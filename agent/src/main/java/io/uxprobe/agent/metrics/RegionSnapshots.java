package io.uxprobe.agent.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Splits one scrape into one scrape per value of a label, for pushing each to its own Pushgateway group. */
final class RegionSnapshots {

    private RegionSnapshots() {}

    /**
     * The snapshots of each value of {@code label}, {@code fallback} first (always present, for data points
     * without the label), then the others sorted. A metric appears only in groups that hold data points of it.
     */
    static Map<String, MetricSnapshots> split(MetricSnapshots all, String label, String fallback) {
        Set<String> values = new TreeSet<>();
        for (MetricSnapshot metric : all) {
            for (DataPointSnapshot point : metric.getDataPoints()) values.add(valueOf(point, label, fallback));
        }
        values.remove(fallback);
        List<String> order = new ArrayList<>();
        order.add(fallback);
        order.addAll(values);
        Map<String, MetricSnapshots> groups = new LinkedHashMap<>();
        for (String value : order) {
            MetricSnapshots.Builder group = MetricSnapshots.builder();
            for (MetricSnapshot metric : all) {
                MetricSnapshot only = only(metric, label, value, fallback);
                if (!only.getDataPoints().isEmpty()) group.metricSnapshot(only);
            }
            groups.put(value, group.build());
        }
        return groups;
    }

    private static String valueOf(DataPointSnapshot point, String label, String fallback) {
        String v = point.getLabels().get(label);
        return v == null ? fallback : v;
    }

    private static <P extends DataPointSnapshot> List<P> keep(List<P> points, String label, String value, String fallback) {
        return points.stream().filter(p -> valueOf(p, label, fallback).equals(value)).toList();
    }

    private static MetricSnapshot only(MetricSnapshot m, String label, String value, String fallback) {
        return switch (m) {
            case CounterSnapshot c -> new CounterSnapshot(c.getMetadata(), keep(c.getDataPoints(), label, value, fallback));
            case GaugeSnapshot g -> new GaugeSnapshot(g.getMetadata(), keep(g.getDataPoints(), label, value, fallback));
            case HistogramSnapshot h -> new HistogramSnapshot(h.isGaugeHistogram(), h.getMetadata(),
                    keep(h.getDataPoints(), label, value, fallback));
            case SummarySnapshot s -> new SummarySnapshot(s.getMetadata(), keep(s.getDataPoints(), label, value, fallback));
            case InfoSnapshot i -> new InfoSnapshot(i.getMetadata(), keep(i.getDataPoints(), label, value, fallback));
            case StateSetSnapshot s -> new StateSetSnapshot(s.getMetadata(), keep(s.getDataPoints(), label, value, fallback));
            case UnknownSnapshot u -> new UnknownSnapshot(u.getMetadata(), keep(u.getDataPoints(), label, value, fallback));
            default -> throw new IllegalStateException("unknown kind of metric " + m.getMetadata().getPrometheusName()
                    + ": " + m.getClass().getName());
        };
    }
}
