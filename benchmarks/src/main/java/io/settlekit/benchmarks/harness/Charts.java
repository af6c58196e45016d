package io.settlekit.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** Charts of cost against input size, one PNG per scalable path, drawn from the run's own figures. */
public final class Charts {
    private Charts() {
    }

    /**
     * Writes {@code <id>.png} into {@code directory}: one series per variant, x = the numeric value of the
     * path's single parameter, log-log axes.
     *
     * @return the written file
     */
    public static Path costAgainstSize(PathResult result, Path directory) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        String unit = "";
        String axis = "input size";
        for (Measurement m : result.measurements()) {
            if (m.param().isEmpty() || !m.param().contains("=") || !unit.isEmpty() && !unit.equals(m.unit())) {
                continue; // one unit per chart: the first charted figure's
            }
            double x = Double.parseDouble(m.param().substring(m.param().indexOf('=') + 1).split(",")[0]);
            series.computeIfAbsent(m.variant(), v -> new ArrayList<>()).add(new double[] {x, m.score()});
            unit = m.unit();
            axis = m.param().substring(0, m.param().indexOf('='));
        }
        XYChart chart = new XYChartBuilder().width(900).height(540)
                .title(result.path().title() + ": cost against input size")
                .xAxisTitle(axis).yAxisTitle(unit).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        for (Map.Entry<String, List<double[]>> s : series.entrySet()) {
            List<double[]> points = s.getValue();
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            chart.addSeries(s.getKey(), points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray());
        }
        Path file = directory.resolve(result.path().id() + ".png");
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
