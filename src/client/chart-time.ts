// The time control of a chart whose views are all years (src/components/Chart.astro): a slider over the years in
// order, previous and next, and play, which steps a year every 1.5 s and is not offered to readers who ask for
// reduced motion. It only says which year the reader wants; <sl-chart> (chart.ts) shows that year's view, writes it
// in the address and announces it.

export interface TimeControl {
  /** Puts the slider, the year and previous/next at the year shown. */
  show(year: string): void;
  /** Stops playing. */
  stop(): void;
}

/** Wires the control; `go` is called with the year a reader moves to (`replace`: play's later steps, one history entry). */
export function timeControl(time: HTMLElement, go: (year: string, replace: boolean) => void): TimeControl {
  time.hidden = false;
  const slider = time.querySelector<HTMLInputElement>('input')!;
  const play = time.querySelector<HTMLButtonElement>('.chart-time-play')!;
  const steps = [...time.querySelectorAll<HTMLButtonElement>('.chart-time-step')];
  const years = slider.dataset.years!.split(' ');
  const last = years.length - 1;
  const at = () => Number(slider.value);
  let playing: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    clearInterval(playing);
    playing = undefined;
    play.textContent = 'Play';
  };
  slider.addEventListener('input', () => {
    stop();
    go(years[at()], false);
  });
  for (const step of steps) {
    step.addEventListener('click', () => {
      stop();
      const to = at() + Number(step.dataset.step);
      if (to >= 0 && to <= last) go(years[to], false);
    });
  }
  const still = matchMedia('(prefers-reduced-motion: reduce)');
  const offer = () => {
    play.hidden = still.matches;
    if (still.matches) stop();
  };
  offer();
  still.addEventListener('change', offer);
  play.addEventListener('click', () => {
    if (playing !== undefined) return stop();
    // From the first year again when at the last; each later step stays in the first step's history entry.
    go(years[at() === last ? 0 : at() + 1], false);
    if (at() === last) return;
    play.textContent = 'Pause';
    playing = setInterval(() => {
      go(years[at() + 1], true);
      if (at() === last) stop();
    }, 1500);
  });
  return {
    show(year) {
      if (!years.includes(year)) return;
      const index = years.indexOf(year);
      slider.value = String(index);
      slider.setAttribute('aria-valuetext', year);
      time.querySelector('.chart-time-year')!.textContent = year;
      for (const step of steps) {
        const to = index + Number(step.dataset.step);
        // aria-disabled, not disabled: a button that disables itself under the reader's focus would drop the focus.
        step.setAttribute('aria-disabled', String(to < 0 || to > last));
      }
    },
    stop,
  };
}
