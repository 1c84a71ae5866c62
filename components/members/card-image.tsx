/** The product's card art: from the console itself for relative URLs, else as Konaplate gives it. */
export function CardImage({ src, alt, width = 72 }: { src: string; alt: string; width?: number }) {
  // eslint-disable-next-line @next/next/no-img-element -- vendor images come from arbitrary hosts; no optimisation wanted
  return <img src={src} alt={alt} width={width} height={Math.round((width * 202) / 320)} style={{ borderRadius: 6, display: 'block' }} />;
}
