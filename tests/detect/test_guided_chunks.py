"""A batch is cut into chunks largest first, so that the worker processes finish together:
the last chunks are small, every report is in exactly one chunk, in order, and the batch's
results are those of one process."""

from __future__ import annotations

from workstation.detect.detector import Detector, chunk_sizes


def test_chunks_cover_every_report_once_largest_first() -> None:
    for reports in (1, 3, 17, 64, 250, 1000, 4321):
        for workers in (2, 3, 4):
            sizes = chunk_sizes(reports, workers)
            assert sum(sizes) == reports
            assert all(size > 0 for size in sizes)
            assert sizes == sorted(sizes, reverse=True)


def test_the_last_chunks_are_small_whatever_the_batch() -> None:
    # a worker left alone at the end waits on at most a few reports
    for reports in (250, 1000, 4321):
        sizes = chunk_sizes(reports, 2)
        assert sizes[-1] <= 4 and sizes[-2] <= 4
        assert sizes[0] >= reports // 10  # and the first are large: few round trips
        assert len(sizes) < reports // 10


def test_a_guided_batch_finds_what_one_process_finds(detector) -> None:
    reports = [{"narrative": f"Sgt. Mara Okafor{i} stopped plate {i}KRT48{i % 10} at {200 + i} "
                             "Pell St. in Dunmore.", "lessons": "Okafor called it in."}
               for i in range(70)]
    with Detector(workers=2, batch_size=4) as parallel:
        assert parallel.analyze_reports(reports) == detector.analyze_reports(reports)
