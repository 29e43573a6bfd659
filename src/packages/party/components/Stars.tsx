import { Text } from '@tarojs/components'

/** ★★★☆☆ and the word: 3星党员, 不合格, 免评; 公示中 while the town's posting lasts. */
export function Stars({ stars, exempt, posting }: { stars: number; exempt: boolean; posting?: boolean }) {
  const word = exempt ? '免评' : stars === 0 ? '不合格' : `${stars}星党员`
  return (
    <Text data-testid="member-stars" data-stars={exempt ? 'exempt' : String(stars)}>
      {exempt ? '' : '★'.repeat(stars) + '☆'.repeat(5 - stars)} {word}
      {posting ? '（公示中）' : ''}
    </Text>
  )
}
