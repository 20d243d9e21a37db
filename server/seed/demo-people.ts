/** First names of the demo workspace's members, paired in order with `LAST_NAMES`. */
export const FIRST_NAMES = `Ada,Grace,Alan,Barbara,Edsger,Frances,Donald,Margaret,Ken,Radia,Dennis,
Shafi,Niklaus,Sophie,Tim,Hedy,Linus,Karen,John,Annie,Guido,Carol,Bjarne,Lynn,Yukihiro,Jean,Anders,
Mary,James,Evelyn,Leslie,Kathleen,Brian,Adele,Robin,Joan,Whitfield,Susan,Butler,Cynthia,Fernando`
  .split(',')
  .map((name) => name.trim());

/** Last names of the demo workspace's members. */
export const LAST_NAMES = `Lovelace,Hopper,Turing,Liskov,Dijkstra,Allen,Knuth,Hamilton,Thompson,
Perlman,Ritchie,Goldwasser,Wirth,Wilson,Berners-Lee,Lamarr,Torvalds,Jones,McCarthy,Easley,
van Rossum,Shaw,Stroustrup,Conway,Matsumoto,Sammet,Hejlsberg,Keller,Gosling,Boyd,Lamport,Booth,
Kernighan,Goldberg,Milner,Clarke,Diffie,Kare,Lampson,Dwork,Corbato`
  .split(',')
  .map((name) => name.trim());

/** The name and email of the demo workspace's person at `index`, as the demo seed creates them. */
export function demoPerson(index: number): { name: string; email: string } {
  const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Demo';
  const last = LAST_NAMES[index % LAST_NAMES.length] ?? 'Person';
  const email = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.com';
  return { name: `${first} ${last}`, email };
}
